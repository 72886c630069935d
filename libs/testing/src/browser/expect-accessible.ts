import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page as it is now (an open dialog included) and throws, listing them, if any serious or critical
 * violation is found. `context` names the page or state in the message ("workspace page, create form invalid").
 */
export async function expectAccessible(page: Page, context = page.url()): Promise<void> {
  // A toast or dialog fading in or out has its text half transparent: scan the page once its transitions are done (the
  // endless ones, loaders, excepted). A string: this project's types have no DOM.
  await page.evaluate(
    'Promise.all(document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity).map((animation) => animation.finished.catch(() => undefined))).then(() => undefined)',
  );
  // Legacy mode runs axe in the page itself. The default mode opens a fresh page on every call to merge the results of
  // cross-origin iframes (finishRun), about 1-2 s each; the workbench has no cross-origin iframes (same-origin ones
  // are still scanned), so that page would check nothing more.
  // Only violations are read, so only they are reported in full: axe still runs every rule on every node, but no longer
  // builds a selector and summary for each node that passes, which was half to four fifths of a workbench page's scan.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  const blocking = violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (blocking.length === 0) return;
  const list = blocking
    .map((violation) => `- ${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n${violation.nodes.map((node) => `    on ${node.target.join(' ')}: ${node.failureSummary ?? ''}`.replace(/\n/g, ' ')).join('\n')}`)
    .join('\n');
  throw new Error(`${blocking.length} serious or critical accessibility violation(s) on ${context}:\n${list}`);
}
