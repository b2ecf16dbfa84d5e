import { Document, isMap, isSeq, type Node } from 'yaml';
import type { Commented } from './rule-builders.js';

/**
 * The header every generated file starts with: what it is, where it comes from, how to regenerate it. The drift
 * test (observability/test/generated-rule-files.spec.ts) fails while a committed file differs.
 */
export function generatedHeader(source: string): string {
  return [
    ` GENERATED from ${source}. Do not edit: change the TypeScript, then run \`${GENERATE_RULES_COMMAND}\`.`,
  ].join('\n');
}

export const GENERATE_RULES_COMMAND = 'npm run generate:rules';

/**
 * YAML in the shape the repository's prettier gives it (single quotes, no folding), so that `npm run lint` accepts
 * the generated files as they are. Every `comment` property becomes a comment above its node.
 */
export function toCommentedYaml(content: object, header: string): string {
  const document = new Document(content);
  document.commentBefore = header;
  moveComments(document.contents);
  return document.toString({ lineWidth: 0, singleQuote: true });
}

function moveComments(node: Node | null | undefined): void {
  if (isSeq(node)) {
    for (const item of node.items) moveComments(item as Node);
  } else if (isMap(node)) {
    const comment = node.get('comment') as Commented['comment'];
    if (typeof comment === 'string') {
      node.delete('comment');
      node.commentBefore = comment
        .split('\n')
        .map((line) => ` ${line}`)
        .join('\n');
    }
    for (const pair of node.items) moveComments(pair.value as Node);
  }
}
