"use client";

import { type ComponentProps, useEffect, useState } from "react";
import { loadChatEngine } from "@/components/chat/load-chat-engine";
import type { EmbedWidget } from "./embed-widget";

type Widget = typeof EmbedWidget;

/**
 * The widget, downloaded with the chat engine once the frame has hydrated; the server-rendered placeholder
 * stands in until then (the loader keeps the frame hidden until the widget says it is ready).
 */
export function LazyEmbedWidget(props: ComponentProps<Widget>) {
  const [Widget, setWidget] = useState<Widget>();
  useEffect(() => {
    let current = true;
    void Promise.all([import("./embed-widget"), loadChatEngine()]).then(([module]) => {
      if (current) setWidget(() => module.EmbedWidget);
    });
    return () => {
      current = false;
    };
  }, []);
  return Widget ? <Widget {...props} /> : props.placeholder;
}
