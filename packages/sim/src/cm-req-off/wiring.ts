/**
 * The CM_REQ_OFF process wiring: three parties (`vnb`, `sp`, `customer`) playing the core role
 * machines, the EDA XML / QR / mail codecs, the engine's answer to the DSO's `qr.request`, the
 * CM_REQ_OFF invariants and the outcome labels. Everything random comes from the run's seeded
 * stream; everything timed from the virtual clock.
 */
import { cmReqOff } from '@consent-sim/core';
import type { AnyActorRef } from 'xstate';
import { ScenarioSetupError } from '../process/definition.ts';
import type { Rng } from '../rng.ts';
import type { Scenario } from '../scenario/types.ts';
import type { Simulation } from '../simulation.ts';
import type { ProcessWiring, WiringOptions } from '../wiring.ts';
import { createCmReqOffCodecs } from './codec.ts';
import { IdMinter } from './ids.ts';
import { cmReqOffInvariants } from './invariants.ts';
import { CmReqOffLedger } from './ledger.ts';
import { cmReqOffFinalStates, cmReqOffOutcome } from './outcome.ts';
import { type CmReqOffParameters, readParameters } from './parameters.ts';
import { buildParties, type CmReqOffParties } from './parties.ts';
import { QrDesk, type WireMode } from './qr.ts';
import { planStimuli } from './stimuli.ts';

export interface CmReqOffWiringOptions extends WiringOptions {
  /**
   * `xml` (default, every scenario): real documents, validated, QR images. `intents`: for the
   * load benchmark only — typed documents travel as objects, no XML build/parse, no QR images.
   */
  readonly wire?: WireMode;
}

/**
 * The wiring of one CM_REQ_OFF run.
 *
 * @example
 * createCmReqOffWiring(scenario, rng, { machines: { vnb: wrongDso } });
 */
export function createCmReqOffWiring(
  scenario: Scenario,
  rng: Rng,
  options: CmReqOffWiringOptions = {},
): ProcessWiring {
  const { parties, parameters, ledger, plan } = prepareRun(scenario, rng);
  const wire = options.wire ?? 'xml';
  const ids = new IdMinter(rng.fork('message-ids'));
  const qr = new QrDesk(wire, ids);
  let sim: Simulation | null = null;
  const running = (): Simulation => {
    if (sim === null) {
      throw new Error('consent-sim: cm-req-off/wiring.ts: a message was encoded before setup(sim)');
    }
    return sim;
  };
  const codecs = createCmReqOffCodecs({
    wire,
    parties,
    ids,
    qr,
    ledger,
    now: () => running().clock.now(),
    note: (party, detail) =>
      running().trace.record({ kind: 'note', atMs: running().clock.now(), party, detail }),
  });
  const machines = options.machines ?? {};
  return {
    outboundCodec: codecs.outbound,
    inboundCodec: codecs.inbound,
    setup(simulation) {
      sim = simulation;
      simulation.trace.listen((event) => ledger.observe(event));
      const vnb = addParties(simulation, parties, parameters, machines);
      answerQrRequests(simulation, vnb, qr, ledger);
    },
    invariants: cmReqOffInvariants(ledger, parties),
    // VNB_02: a DSO's QR letter names the ConsentIds it issued; when the DSO is played over the
    // SUT protocol, the stimuli that name "the n-th ConsentId" learn them from this registry
    // change, as from the reference DSO's own `consent` emission.
    announce(_from, content) {
      const topic = (content as { topic?: { kind?: unknown; consentIds?: unknown } } | null)?.topic;
      if (topic?.kind !== 'qrCode' || !Array.isArray(topic.consentIds)) return [];
      return topic.consentIds.map((id) => ({
        type: 'consent',
        consentId: String(id),
        status: 'issued',
      }));
    },
    stimulusEvent(stimulus) {
      const event = plan.events.get(stimulus);
      if (event === undefined) {
        throw new Error(
          `consent-sim: cm-req-off/wiring.ts: stimulus ${stimulus.party}.${stimulus.event} at ${stimulus.at} was not planned; it is not one of ${scenario.fileName}'s stimuli`,
        );
      }
      return event;
    },
    outcome: () => cmReqOffOutcome(ledger),
    finalStates: (simulation) => cmReqOffFinalStates(simulation, ledger),
  };
}

/** Parties, parameters and the stimulus plan of the scenario; throws one error listing all problems. */
function prepareRun(scenario: Scenario, rng: Rng) {
  const problems: string[] = [];
  const parties = buildParties(scenario.parties, rng.fork('parties'), problems);
  const parameters = readParameters(
    scenario.parameters,
    {
      dsoAddress: parties.vnb.address,
      startMs: scenario.startMs,
      rng: rng.fork('metering-points'),
    },
    problems,
  );
  const ledger = new CmReqOffLedger();
  const plan = planStimuli(scenario, parties, parameters, ledger, rng.fork('stimuli'), problems);
  if (problems.length > 0) {
    throw new ScenarioSetupError(scenario.fileName, 'CM_REQ_OFF', problems);
  }
  return { parties, parameters, ledger, plan };
}

/** Hosts the three role machines (the reference's unless the options swap one); returns the DSO. */
function addParties(
  simulation: Simulation,
  parties: CmReqOffParties,
  parameters: CmReqOffParameters,
  machines: NonNullable<WiringOptions['machines']>,
): AnyActorRef {
  const vnbMachine = machines.vnb ?? cmReqOff.vnbMachine;
  const vnb = simulation.addParty({
    ...parties.vnb,
    role: 'vnb',
    // OFF-AUTH-AND-BACKEND-ERRORS: a failing back end is the DSO's guard answering false (174).
    machine: parameters.dsoBackendFails
      ? vnbMachine.provide({ guards: { backendProcessesRequest: () => false } })
      : vnbMachine,
    input: {
      address: parties.vnb.address,
      registeredServiceProviders: parties.sp.registered ? [parties.sp.address] : [],
    } satisfies cmReqOff.VnbInput,
  });
  simulation.addParty({
    ...parties.sp,
    role: 'sp',
    machine: machines.sp ?? cmReqOff.serviceProviderMachine,
    input: { address: parties.sp.address } satisfies cmReqOff.ServiceProviderInput,
  });
  simulation.addParty({
    ...parties.customer,
    role: 'customer',
    machine: machines.customer ?? cmReqOff.cmReqOffCustomerMachine,
    input: {
      dso: 'vnb',
      serviceProvider: 'sp',
      canAuthenticate: parameters.customerCanAuthenticate,
    } satisfies cmReqOff.CmReqOffCustomerInput,
  });
  return vnb;
}

/**
 * VNB_02: the engine builds and encodes the QR code the DSO asks for, and answers at the same
 * instant (a clock task, so that errors fail the run like any other).
 */
function answerQrRequests(
  simulation: Simulation,
  vnb: AnyActorRef,
  qr: QrDesk,
  ledger: CmReqOffLedger,
): void {
  vnb.on('qr.request', (request: cmReqOff.QrRequestEmitted) => {
    simulation.clock.schedule(
      simulation.clock.now(),
      () => {
        const at = simulation.clock.now();
        const answer = qr.answer(request, at);
        if (answer.event.type === 'qr.tooLarge') {
          const { payloadBytes, capacityBytes } = answer.event;
          ledger.tooLarge.push({ atMs: at, payloadBytes, capacityBytes });
        }
        simulation.trace.record({
          kind: 'note',
          atMs: at,
          party: 'vnb',
          step: 'CM_REQ_OFF_VNB_02',
          document: answer.document,
          detail: answer.detail,
        });
        vnb.send(answer.event);
      },
      'qr',
    );
  });
}
