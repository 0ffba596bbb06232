// `@ree/domain/method-ja`: the method document in Japanese, an entry of its own so that the main entry (and every
// bundle that imports from it) does not carry a second language's text.
export { methodDocumentJa } from './score/method-document-ja.ts';
