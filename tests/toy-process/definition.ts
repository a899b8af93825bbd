/**
 * The toy process as the engine sees it: two roles, one channel, pass-through codecs (the PING
 * travels as a JSON object), one invariant, an outcome read off the asker's state.
 */
import {
  type ProcessDefinition,
  type ProcessWiring,
  passThroughInbound,
  passThroughOutbound,
  type Simulation,
} from '@consent-sim/sim';
import { answererMachine, askerMachine } from './machines.ts';

const stateOf = (sim: Simulation, party: string) => String(sim.actor(party).getSnapshot().value);

export const toyProcess = {
  name: 'toy',
  title: 'TOY',
  zone: 'Europe/Berlin',
  roles: ['asker', 'answerer'],
  channels: { wire: { latency: 1_000, carries: 'content' } },
  wiring: (scenario, _rng, options): ProcessWiring => ({
    outboundCodec: passThroughOutbound,
    inboundCodec: passThroughInbound,
    setup(sim) {
      for (const [role, machine, address] of [
        ['asker', askerMachine(), 'TOY-A'],
        ['answerer', answererMachine, 'TOY-B'],
      ] as const) {
        sim.addParty({
          id: role,
          role,
          address: scenario.parties[role]?.address ?? address,
          machine: options?.machines?.[role] ?? machine,
        });
      }
    },
    invariants: [
      {
        name: 'every-ping-received',
        check: (trace) => {
          const sent = trace.filter((e) => e.kind === 'send' && e.messageCode === 'PING').length;
          const got = trace.filter((e) => e.step === 'TOY-RECEIVE').length;
          return sent === got ? [] : [`${sent} PING sent, TOY-RECEIVE ${got} times`];
        },
      },
    ],
    outcome: (sim) => stateOf(sim, 'asker'),
    finalStates: (sim) => ({ asker: stateOf(sim, 'asker'), answerer: stateOf(sim, 'answerer') }),
  }),
  invariantNames: ['every-ping-received'],
  parameters: { type: 'object', additionalProperties: false, properties: {} },
} as const satisfies ProcessDefinition<'toy'>;
