import type { RequestHandler, Response } from 'express';

type RenderCallback = (err: Error | null, html?: string) => void;

/**
 * One layout for every page: `res.render(view, locals)` renders the view (the page's body only)
 * and then `views/layout.ejs` around it with the same locals plus `body`. The layout holds the
 * document, the top bar with its navigation, the flash messages, the one <main> and the footer;
 * no view opens or closes them. Installed first, so error pages get the layout as well.
 */
export function withLayout(layout = 'layout'): RequestHandler {
  return (req, res, next) => {
    const render = res.render.bind(res) as (view: string, options?: object, callback?: RenderCallback) => void;
    const wrapped = (view: string, options?: object | RenderCallback, callback?: RenderCallback): void => {
      const locals = (typeof options === 'function' ? {} : options ?? {}) as Record<string, unknown>;
      const done = typeof options === 'function' ? (options as RenderCallback) : callback;
      render(view, locals, (err, body) => {
        if (err) {
          if (done) done(err);
          else req.next?.(err);
          return;
        }
        // Without a callback Express sends the result, as res.render always does.
        render(layout, { ...locals, body }, done);
      });
    };
    (res as Response).render = wrapped as Response['render'];
    next();
  };
}
