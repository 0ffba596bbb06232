// Japanese strings of an import job's page; typed against the English ones, so a missing key fails typecheck.
import type { enJobs } from './en-jobs';

export const jaJobs: Record<keyof typeof enJobs, string> = {
  'job.pageTitle': '取り込みの進み具合',
  'job.title.validate': '{file} を取り込み中',
  'job.title.apply': '{file} を適用中',
  'job.state.queued': 'ワーカーを待っています…',
  'job.state.running': '読み込みと検証を実行中…',
  'job.state.succeeded': '検証完了:レポートを開いています…',
  'job.state.failed': '取り込みに失敗しました。何も変更されていません。',
  'job.state.cancelled': '取り消しました。',
  'job.apply.running': '下書きに行を適用中(1トランザクション)…',
  'job.apply.succeeded': '適用完了:レポートを開いています…',
  'job.apply.cancelled': '開始前に取り消しました。下書きは変更されていません。',
  'job.rowsRead': '読み込んだ行',
  'job.rowsApplied': '適用した行',
  'job.rowsValidated': '有効な行',
  'job.bytes': '読み込んだバイト数',
  'job.rate': '毎秒の行数',
  'job.timeLeft': '残り時間',
  'job.cancel': '取り込みを取り消す',
  'job.cancelling': '取り消し中…',
  'job.cancelled': 'このファイルの内容は何もステージも適用もされていません。下書きは変更されていません。',
  'job.report': '検証レポートを開く',
};
