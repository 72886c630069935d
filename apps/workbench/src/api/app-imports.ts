import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppImportOptions, AppImportSource } from '@switchboard/sdk';
import { appKeys } from './apps';
import { useSwitchboard } from './session';

export interface AppImportVariables {
  source: AppImportSource;
  options?: AppImportOptions;
}

/** What importing a document would create (or change in `options.app`); writes nothing, so nothing to invalidate. */
export function usePreviewImportMutation() {
  const switchboard = useSwitchboard();
  return useMutation({
    mutationFn: ({ source, options }: AppImportVariables) => switchboard.app.import.preview(source, options),
    meta: { errorsShownInline: true },
  });
}

/** Creates the app of a previewed document, or re-imports it into `options.app`. */
export function useCommitImportMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ source, options }: AppImportVariables) => switchboard.app.import.commit(source, options),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: appKeys.all }),
    meta: { errorsShownInline: true },
  });
}
