import axe, { type AxeResults } from 'axe-core';
import type { Frame, Page } from 'playwright-core';

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
  for (const frame of page.frames()) await injectAxe(frame);
  // axe.run in the page scans its same-origin iframes too (axe's default allowedOrigins), through the axe injected into
  // each. Only violations are read, so only they are reported in full: axe still runs every rule on every node, but no
  // longer builds a selector and summary for each node that passes, which was half to four fifths of a workbench page's scan.
  const { violations } = await page.evaluate<AxeResults>("axe.run(document, { resultTypes: ['violations'] })");
  const blocking = violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (blocking.length === 0) return;
  const list = blocking
    .map((violation) => `- ${violation.impact} ${violation.id}: ${violation.help} (${violation.helpUrl})\n${violation.nodes.map((node) => `    on ${node.target.join(' ')}: ${node.failureSummary ?? ''}`.replace(/\n/g, ' ')).join('\n')}`)
    .join('\n');
  throw new Error(`${blocking.length} serious or critical accessibility violation(s) on ${context}:\n${list}`);
}

/**
 * Puts axe-core into the frame unless its document has it from an earlier scan. Evaluating its 580 KB source again on
 * every scan (as @axe-core/playwright does) cost 1 to 5 s a scan on a loaded 2-core machine, four times the scan itself.
 */
async function injectAxe(frame: Frame): Promise<void> {
  if (await frame.evaluate<boolean>('typeof window.axe?.run === "function"')) return;
  await frame.evaluate(axe.source);
}
