// The example client's entry.
export {
  type ConsentAnswer,
  type ConsentOutcome,
  fetchAnswers,
  type Redemption,
  redeemConsent,
  type ServiceProvider,
} from './client.ts';
