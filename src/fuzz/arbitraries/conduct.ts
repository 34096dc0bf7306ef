/** Conduct events of every type, with the fields that flip verdicts chosen at random. */
import fc from 'fast-check';
import type { IsoDate } from '../../domain/dates.ts';
import type { LogEvent } from '../../domain/events.ts';

export function conductArbitrary(date: IsoDate): fc.Arbitrary<LogEvent> {
  // Canonical providers as the parser stores them, and one other cloud (kept as written).
  const cloud = fc.constantFrom('azure', 'aws', 'gcp', 'oracle', 'coreweave');
  const amount = fc.constantFrom(1e6, 5e9, 50e9, 100e9, 250e9);
  return fc.oneof(
    fc.record(
      {
        type: fc.constant('product.launched' as const),
        date: fc.constant(date),
        name: fc.constantFrom('Agent API', 'ChatGPT', 'Sora'),
        api: fc.boolean(),
        cloud,
        thirdParty: fc.constantFrom('Amazon', 'Oracle'),
        customer: fc.constantFrom('us-natsec', 'enterprise'),
        azureFirst: fc.boolean(),
        stateful: fc.boolean(),
        azureCannotSupport: fc.boolean(),
        azureChoosesNotToSupport: fc.boolean(),
      },
      { requiredKeys: ['type', 'date', 'name', 'api', 'cloud'] },
    ),
    fc.record(
      {
        type: fc.constant('model.released' as const),
        date: fc.constant(date),
        name: fc.constantFrom('gpt-6', 'o9', 'internal-1'),
        openWeights: fc.boolean(),
        meetsCapabilityCriteria: fc.boolean(),
        internalOnly: fc.boolean(),
        postAgi: fc.boolean(),
        safetyGuardrails: fc.boolean(),
      },
      { requiredKeys: ['type', 'date', 'name'] },
    ),
    fc.record({
      type: fc.constant('hardware.launched' as const),
      date: fc.constant(date),
      name: fc.constant('io device'),
    }),
    fc.record({ type: fc.constant('compute.contracted' as const), date: fc.constant(date), provider: cloud }),
    fc.record({
      type: fc.constant('msft.training-run' as const),
      date: fc.constant(date),
      usesOpenAiIp: fc.boolean(),
      computeFlop: fc.constantFrom(1e26, 1e28, 2e28, 1e29),
    }),
    fc.record({ type: fc.constant('azure.purchased' as const), date: fc.constant(date), amountUsd: amount }),
    fc.record({ type: fc.constant('revenue.recognized' as const), date: fc.constant(date), amountUsd: amount }),
  ) as fc.Arbitrary<LogEvent>;
}
