import type { Messages } from "@/lib/i18n/messages";

interface WidgetSkeletonProps {
  t: Messages;
  title: string;
  greeting?: string;
}

/**
 * The widget's frame as the server renders it, without JavaScript: its title, its greeting (or the chat's
 * invitation) and where the composer goes, laid out like the chat, until the widget has loaded.
 */
export function WidgetSkeleton({ t, title, greeting }: WidgetSkeletonProps) {
  return (
    <div className="flex h-dvh flex-col" aria-busy="true">
      <header className="flex items-center border-zinc-200 border-b px-4 py-2 dark:border-zinc-800">
        <h1 className="truncate py-1 font-semibold text-base">{title}</h1>
      </header>
      <div className="mx-auto flex min-h-0 w-full max-w-3xl flex-1 flex-col px-4 py-6">
        {greeting ? (
          <p className="mt-8 text-center text-zinc-600 dark:text-zinc-300">{greeting}</p>
        ) : (
          <div className="mt-16 text-center text-zinc-500">
            <p className="font-medium text-lg text-zinc-700 dark:text-zinc-300">{t.emptyState.title}</p>
            <p className="mt-1 text-sm">{t.emptyState.body}</p>
          </div>
        )}
      </div>
      <div className="mx-auto w-full max-w-3xl px-4 pb-4">
        <div className="h-14 rounded-2xl border border-zinc-300 bg-white shadow-sm dark:border-zinc-700 dark:bg-zinc-900" />
      </div>
    </div>
  );
}
