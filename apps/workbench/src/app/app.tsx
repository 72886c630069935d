import { RouterProvider } from 'react-router';
import { AppProviders } from './app-providers';
import { router } from './routes';

/** The whole workbench: providers around the route table. */
export function App() {
  return (
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
