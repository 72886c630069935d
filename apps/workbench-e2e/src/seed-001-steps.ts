import { expect } from '@jest/globals';
import { expectAccessible } from '@switchboard/testing';
import type { Locator, Page } from 'playwright-core';
import { pickOption } from './workbench-browser.js';

/** Saves the page under a step's name, or does nothing (only seed-001.e2e-spec.ts's marketplace run saves them). */
export type Screenshot = (name: string) => Promise<void>;

export const NO_SCREENSHOTS: Screenshot = () => Promise.resolve();

/**
 * From the marketplace page: Payments, a search for Stripe within it, the Stripe template with its create-charge
 * action, Install. Ends as the install is asked for (the App Overview comes next), with axe on the listing and the
 * template.
 */
export async function installStripeFromMarketplace(page: Page, screenshot: Screenshot): Promise<void> {
  await page.getByRole('heading', { name: 'Marketplace', level: 1 }).waitFor();
  // The first page of every template, then Payments, then a search within it.
  await page.getByRole('navigation', { name: 'Pages of templates' }).waitFor();
  await screenshot('04-marketplace');
  await pickOption(page, 'Category', /^Payments/);
  await page.waitForURL((url) => url.searchParams.get('category') === 'payments');
  await page.getByRole('searchbox', { name: 'Search' }).fill('stripe');
  await page.waitForURL((url) => url.searchParams.get('search') === 'stripe');
  await page.getByRole('status').getByText('1 template').waitFor();
  await expectAccessible(page, 'the marketplace, searched within a category');
  await page.getByRole('list', { name: 'Templates' }).getByRole('link', { name: 'Stripe' }).click();
  await page.getByRole('heading', { name: 'Stripe', level: 1 }).waitFor();
  await page.getByRole('table', { name: /Actions/ }).getByRole('row', { name: /create-charge/ }).waitFor();
  await expectAccessible(page, 'the Stripe template');
  await screenshot('04b-template-detail');
  await page.getByRole('button', { name: 'Install' }).click();
}

/** What the Integrate flow is expected to offer and is given. */
export interface Integration {
  product: { tag: string; name: string };
  appName: string;
  /** The access tag suggested, kept as it is. */
  accessTag: string;
  /** The app envs the product's Production (prd) and Sandbox (dev) envs map to by default. */
  production: string;
  sandbox: string;
  /** Fills the settings step (variables, auth) before Finish; given the Integrate dialog. */
  fillSettings?: (integrate: Locator) => Promise<void>;
}

/**
 * Seed 001 steps 5 to 7 from the App Overview: Integrate, the product, Next, the env mapping matched by default,
 * Finish, the success modal, Close, and Refresh on the product page. Answers the app's link in Connected Apps, with axe
 * on every dialog and page on the way.
 */
export async function integrateIntoProduct(page: Page, integration: Integration, screenshot: Screenshot): Promise<Locator> {
  const { product, appName } = integration;
  await page.getByRole('button', { name: 'Integrate' }).click();
  const integrate = page.getByRole('dialog', { name: `Integrate ${appName}` });
  await integrate.getByRole('combobox', { name: 'Product' }).selectOption(product.tag);
  await expectAccessible(page, 'the Integrate modal, product step');
  await screenshot('06-integrate-product');
  await integrate.getByRole('button', { name: 'Next' }).click();

  const production = integrate.getByRole('combobox', { name: 'App environment for Production' });
  const sandbox = integrate.getByRole('combobox', { name: 'App environment for Sandbox' });
  await production.waitFor();
  expect([await production.inputValue(), await sandbox.inputValue()]).toEqual([integration.production, integration.sandbox]);
  expect(await integrate.getByRole('textbox', { name: 'Access tag' }).inputValue()).toBe(integration.accessTag);
  await integration.fillSettings?.(integrate);
  await expectAccessible(page, 'the Integrate modal, env mapping step');
  await screenshot('07-env-mapping');
  await integrate.getByRole('button', { name: 'Finish' }).click();

  // The success modal; closing it leads to the product, whose Refresh lists the app in Connected Apps.
  const success = page.getByRole('dialog', { name: 'App integrated' });
  await success.getByText(`${appName} is connected to ${product.name}`).waitFor();
  await expectAccessible(page, 'the success modal');
  await screenshot('08-integrated');
  await success.getByRole('button', { name: 'Close', exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/products/${product.tag}`);
  const sidebar = page.getByRole('complementary', { name: 'Product sidebar' });
  await sidebar.getByRole('button', { name: 'Refresh' }).click();
  const connected = sidebar.getByRole('list', { name: 'Connected Apps' }).getByRole('link', { name: appName });
  await connected.waitFor();
  await expectAccessible(page, 'the Product Overview with the connected app');
  await screenshot('09-connected-apps');
  return connected;
}
