/* serve.h: `congkhai serve`, the writer's live preview.
 *
 * Builds the site (incr.h) into an output folder (a private folder below
 * the system's temporary folder, removed at exit, or --output), serves it
 * with libmicrohttpd on 127.0.0.1 (port 1313 or the next free one of 20;
 * --port 0 takes any free port) and prints the address on stdout:
 *
 *     congkhai: serving http://127.0.0.1:1313/ (from DIR; Ctrl-C stops)
 *
 * The pages link to the server's own address unless --base-url is given;
 * then the line also names that address, and the site is served below its
 * path ("/cchc/": other paths get 404, "/cchc" a redirect).
 *
 * Serving: GET and HEAD only; the request path is percent-decoded by serve
 * itself and refused (400) when it holds a NUL, a backslash, a "." or ".."
 * segment, an empty segment or more than 2,048 bytes; folders answer with
 * their index.html (a folder without the final '/' is redirected to it);
 * missing files get the site's 404.html with status 404. Content types by
 * extension, "charset=utf-8" on text. Nothing outside the output folder is
 * ever opened, and links are not followed.
 *
 * Live reload: every HTML response (only as served; the files on disk stay
 * as a build makes them) gets <script src="/__congkhai/reload.js?g=N">
 * before </body>. That same-origin script (the theme's CSP allows
 * script-src 'self') opens the server-sent events stream
 * /__congkhai/events and reloads the tab on the event "reload", which is
 * sent after each rebuild that changed a file, and after a failed one.
 *
 * Watching: inotify on content/, data/, themes/ (every folder below, new
 * ones as they appear) and site.toml (or --config). Changes are gathered
 * until 100 ms pass without one (files that an editor made and removed
 * again meanwhile are dropped), then incr_update() rebuilds what they
 * affect; the terminal says what changed and how long the rebuild took.
 * After a partial rebuild, a full build (incr_build()) runs once nothing
 * changed for 1.5 s, so that whole-site files built from every page's text
 * (the search index) catch up; it reloads tabs only when an HTML page
 * changed.
 * A failed build prints its error and every HTML request gets an error page
 * (status 500) with the same path:line:col message until a build succeeds.
 * SIGINT or SIGTERM stop the server cleanly (exit 0).
 */
#ifndef CK_SERVE_H
#define CK_SERVE_H

extern const char serve_usage[];

/* The command: argc/argv after "serve". Returns the exit code: 0 stopped
 * by a signal, 1 the server could not start, 2 usage error. */
int serve_main(int argc, char **argv);

#endif
