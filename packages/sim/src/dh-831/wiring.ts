/**
 * The DH-831 process wiring: three parties (`seller`, `datahub`, `customer`) playing the core
 * role machines, the Datahub XML / e-mail codecs, the DH-831 invariants and the outcome labels.
 * Everything random comes from the run's seeded stream; everything timed from the virtual clock.
 */
import { dh831 } from '@consent-sim/core';
import { ScenarioSetupError } from '../process/definition.ts';
import type { Rng } from '../rng.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Simulation } from '../simulation.ts';
import type { ProcessWiring, WiringOptions } from '../wiring.ts';
import { createDh831Codecs } from './codec.ts';
import { dh831Invariants } from './invariants.ts';
import { Dh831Ledger } from './ledger.ts';
import { dh831FinalStates, dh831Outcome } from './outcome.ts';
import { buildParties } from './parties.ts';
import { planStimuli } from './stimuli.ts';

/**
 * The wiring of one DH-831 run.
 *
 * @example
 * createDh831Wiring(scenario, rng, { machines: { datahub: wrongDatahub } });
 */
export function createDh831Wiring(
  scenario: Scenario,
  rng: Rng,
  options: WiringOptions = {},
): ProcessWiring {
  const problems: string[] = [];
  const parties = buildParties(scenario.parties, rng.fork('parties'), problems);
  const plan = planStimuli(scenario, parties, rng.fork('accounting-points'), problems);
  if (problems.length > 0) {
    throw new ScenarioSetupError(scenario.fileName, 'DH-831', problems);
  }
  const ledger = new Dh831Ledger();
  let clock: Simulation['clock'] | null = null;
  const codecs = createDh831Codecs({
    parties,
    rng: rng.fork('message-ids'),
    ledger,
    now: () => {
      if (clock === null) {
        throw new Error('consent-sim: dh-831/wiring.ts: a message was encoded before setup(sim)');
      }
      return clock.now();
    },
  });
  const machines = options.machines ?? {};
  return {
    outboundCodec: codecs.outbound,
    inboundCodec: codecs.inbound,
    setup(sim) {
      clock = sim.clock;
      sim.trace.listen((event) => ledger.observe(event));
      const datahubId = parties.datahub.address;
      sim.addParty({
        ...parties.datahub,
        role: 'datahub',
        machine: machines.datahub ?? dh831.datahubMachine,
        input: { partyId: datahubId } satisfies dh831.DatahubInput,
      });
      sim.addParty({
        ...parties.seller,
        role: 'seller',
        machine: machines.seller ?? dh831.sellerMachine,
        input: {
          partyId: parties.seller.address,
          datahubPartyId: datahubId,
        } satisfies dh831.SellerInput,
      });
      sim.addParty({
        ...parties.customer,
        role: 'customer',
        machine: machines.customer ?? dh831.customerMachine,
        input: {
          partyId: parties.customer.address,
          datahubPartyId: datahubId,
        } satisfies dh831.CustomerInput,
      });
    },
    invariants: dh831Invariants(ledger),
    stimulusEvent(stimulus) {
      const event = plan.events.get(stimulus);
      if (event === undefined) {
        throw new Error(
          `consent-sim: dh-831/wiring.ts: stimulus ${stimulus.party}.${stimulus.event} at ${stimulus.at} was not planned; it is not one of ${scenario.fileName}'s stimuli`,
        );
      }
      return event;
    },
    outcome: () => dh831Outcome(ledger, plan.requestIds),
    finalStates: (sim) => dh831FinalStates(sim, ledger, plan.requestIds),
  };
}
