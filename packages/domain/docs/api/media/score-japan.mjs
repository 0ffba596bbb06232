// Run with `node examples/score-japan.mjs` after `pnpm --filter @ree/domain build`.
// Japan's resilience for NdPr and dysprosium at the separation stage, 2025, from a few rows.
// Shares are estimates from ../shared/research/reference-data.md: 60–70 % of Japan's rare earths came from China in
// 2025 (NYT, 2025-12-08), heavy rare earths still mostly Chinese; the rest mostly from Lynas Malaysia (JARE/Sojitz
// offtake). China's April 2025 licensing covers Dy, not Nd or Pr. Stockpile: Japan's standing 60-day target.
import { resilienceScore } from '@ree/domain';

const common = {
  consumer: 'JPN',
  stage: 'separation',
  year: 2025,
  wgi: { CHN: 5.67, MYS: 4.14, AUS: 2.02 }, // WGI 2022 on the EU 0–10 scale
  partners: ['MYS', 'AUS'],
  stockpileDays: 60,
};

const cases = [
  { ...common, material: 'NdPr', imports: { CHN: 65, MYS: 35 }, exportRestricting: [] },
  { ...common, material: 'Dy', imports: { CHN: 90, MYS: 10 }, exportRestricting: ['CHN'] },
];

for (const input of cases) {
  const result = resilienceScore(input);
  const headline = result.status === 'ok' ? result.score.toFixed(1) : `insufficient data (${result.reason})`;
  console.log(
    `\nJapan · ${input.material} · ${input.stage} · ${input.year}: ${headline} / 100 (coverage ${(result.coverage * 100).toFixed(0)} %)`,
  );
  for (const c of result.components) {
    console.log(
      `  ${c.label.padEnd(42)} risk ${c.risk.toFixed(3)}  weight ${c.weight.toFixed(3)}  +${c.points.toFixed(2)}`,
    );
  }
  for (const m of result.missing) console.log(`  (left out) ${m.id}: ${m.reason}`);
}
