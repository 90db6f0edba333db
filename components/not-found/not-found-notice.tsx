interface NotFoundNoticeProps {
  title: string;
  body: string;
  linkText: string;
}

/** What a missing page says, in the app's look, with the way back to a chat. */
export function NotFoundNotice({ title, body, linkText }: NotFoundNoticeProps) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-6">
      <h1 className="font-semibold text-2xl">{title}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{body}</p>
      <p>
        {/* A plain link: a full page load is fine here, and next/link would add its client code to every page. */}
        <a
          href="/"
          data-testid="not-found-home"
          className="inline-block rounded-xl bg-accent px-4 py-2 font-medium text-sm text-white hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-accent focus-visible:outline-offset-2"
        >
          {linkText}
        </a>
      </p>
    </main>
  );
}
