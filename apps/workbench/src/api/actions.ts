import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RunActionInput } from '@switchboard/sdk';
import { runKeys } from './runs';
import { useSwitchboard } from './session';

/** `actions.plan`: what a run would send and each check's outcome; nothing is called, no secret read. */
export function usePlanActionMutation() {
  const switchboard = useSwitchboard();
  return useMutation({ mutationFn: (run: RunActionInput) => switchboard.actions.plan(run), meta: { errorsShownInline: true } });
}

/** `actions.run`: the outbound call; the run log then has one more record. */
export function useRunActionMutation() {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (run: RunActionInput) => switchboard.actions.run(run),
    // Failed runs are recorded too.
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
    meta: { errorsShownInline: true },
  });
}
