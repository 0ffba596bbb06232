import { describe, expect, it } from 'vitest';
import { messagesWithPrefix } from '@/i18n/translate';
import { type AlertRow, describeAlert, describeWatch } from './watch-text';

const en = messagesWithPrefix('en', 'watches.');
const ja = messagesWithPrefix('ja', 'watches.');
const stages = { mining: 'mining', separation: 'separation and refining' };

describe('an alert in words', () => {
  const hhi: AlertRow['message'] = {
    kind: 'hhi_above',
    material: 'REE',
    stage: 'mining',
    threshold: 5055,
    before: 5054.4,
    after: 5191.6,
    year: 2025,
  };

  it('gives the threshold, the new value and the old one, HHI whole, in the locale’s digits', () => {
    expect(describeAlert(en, 'en', stages, hhi)).toBe(
      'Production HHI REE mining 2025 rose above 5,055: 5,192 (was 5,054)',
    );
    expect(describeAlert(ja, 'ja', stages, hhi)).toBe(
      '生産の HHI REE mining 2025 が 5,055 を上回りました: 5,192 (前回 5,054)',
    );
  });

  it('gives scores to one decimal, and no "was" when the previous version had no figure', () => {
    const score: AlertRow['message'] = {
      kind: 'score_below',
      consumer: 'JPN',
      material: 'NdPr',
      stage: 'separation',
      threshold: 45,
      before: null,
      after: 38.04,
      year: 2025,
    };
    expect(describeAlert(en, 'en', stages, score)).toBe(
      'Resilience score JPN NdPr separation and refining 2025 fell below 45.0: 38.0',
    );
  });

  it('names each new control with its country and date', () => {
    const control: AlertRow['message'] = {
      kind: 'new_export_control',
      element: 'Dy',
      controls: [
        { id: 'a', country: 'CHN', kind: 'export-control', title: 'Licensing', effectiveOn: '2025-04-04' },
        { id: 'b', country: 'MMR', kind: 'embargo', title: 'Border closed', effectiveOn: '2026-01-01' },
      ],
    };
    expect(describeAlert(en, 'en', stages, control)).toBe(
      'New export control covering Dy: Licensing (CHN, 2025-04-04); Border closed (MMR, 2026-01-01)',
    );
  });
});

describe('a watch in words', () => {
  it('says what it waits for', () => {
    expect(
      describeWatch(en, 'en', stages, {
        kind: 'hhi_above',
        material: 'Dy',
        stage: 'separation',
        threshold: 2500,
      }),
    ).toBe('Production HHI Dy separation and refining above 2,500');
    expect(describeWatch(ja, 'ja', stages, { kind: 'new_export_control', element: 'Tb' })).toBe(
      'Tb を対象とする新しい輸出規制',
    );
  });
});
