/**
 * Long logs for the benchmarks, written at bench time into a temporary folder (never committed):
 * conduct of every kind, one declaration and its verification midway.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { addDays, EFFECTIVE_DATE, type IsoDate } from '../src/domain/dates.ts';

export function writeLongLog(file: string, count: number): void {
  const fd = openSync(file, 'w');
  const lines = [
    (date: string) => `{"type":"revenue.recognized","date":"${date}","amountUsd":1000000}`,
    (date: string) => `{"type":"azure.purchased","date":"${date}","amountUsd":100000}`,
    (date: string) => `{"type":"product.launched","date":"${date}","name":"ChatGPT","api":false,"cloud":"azure"}`,
    (date: string) => `{"type":"msft.training-run","date":"${date}","usesOpenAiIp":true,"computeFlop":1e26}`,
    (date: string) =>
      `{"type":"model.released","date":"${date}","name":"gpt-6","openWeights":true,"meetsCapabilityCriteria":true}`,
    (date: string) => `{"type":"compute.contracted","date":"${date}","provider":"oracle"}`,
  ];
  const perDay = Math.ceil(count / 7000); // about 19 years of days
  let buffer = '';
  let date: IsoDate = EFFECTIVE_DATE;
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % perDay === 0) date = addDays(date, 1);
    if (i === Math.floor(count * 0.4)) buffer += `{"type":"agi.declared","date":"${date}"}\n`;
    else if (i === Math.floor(count * 0.5)) buffer += `{"type":"panel.verified","date":"${date}"}\n`;
    else buffer += `${(lines[i % lines.length] as (d: string) => string)(date)}\n`;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}
