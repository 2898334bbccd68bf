/**
 * Builds the renderer once for the whole test run (the browser-host tests
 * serve dist/renderer). A failed build is reported here and again by each
 * end-to-end test that needs it, without stopping unrelated unit tests.
 */
import { buildRenderer } from '../../scripts/build';

export default async function setup(): Promise<void> {
  try {
    await buildRenderer({ quiet: true });
    process.env.FOLIO_RENDERER_BUILT = '1';
  } catch (error) {
    console.error(`renderer build failed; end-to-end tests will fail: ${(error as Error).message}`);
    process.env.FOLIO_RENDERER_BUILD_ERROR = (error as Error).message;
  }
}
