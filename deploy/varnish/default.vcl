# Varnish in front of the portal (Debian's varnish 7). The app decides what may be shared
# (Cache-Control; portal/pagecache.py) and purges exactly what a change affects: PURGE for a
# path (every query-string variant of it), BAN for everything (site settings, the menu).
# Forms' one-time tokens come through Edge Side Includes, one per view.
vcl 4.1;

import std;

backend default { .host = "127.0.0.1"; .port = "8000"; }

# Only the app servers on this machine may purge.
acl purge {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (!client.ip ~ purge) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.x-host == " + req.http.host + " && obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged"));
    }
    if (req.method == "BAN") {
        if (!client.ip ~ purge) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.http.x-path ~ .");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin and editors (a session or CSRF cookie) always reach the app.
    if (req.url ~ "^/admin/" || req.url ~ "^/documents/") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)(sessionid|csrftoken)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Public pages set and read no cookies: drop any a browser sends, so all share one copy.
    unset req.http.Cookie;
    # Tracking parameters never change a page (the app ignores them too).
    set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid|msclkid)=[^&]*", "\1");
    set req.url = regsuball(req.url, "[?&]+$", "");
    set req.url = regsub(req.url, "\?&+", "?");
    set req.url = std.querysort(req.url);
    # We assemble pages: the app puts an ESI include where a form's one-time token goes, so a
    # page with a form is shared and each view still gets its own token.
    set req.http.Surrogate-Capability = "varnish=ESI/1.0";
    return (hash);
}

sub vcl_backend_response {
    # Remembered for PURGE and BAN (lurker-friendly bans test the object, not the request).
    set beresp.http.x-host = bereq.http.host;
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
    if (beresp.http.Surrogate-Control ~ "ESI/1.0") {
        unset beresp.http.Surrogate-Control;
        set beresp.do_esi = true;
        set beresp.http.x-esi = "1";
    }
    # Never store what sets a cookie; the built-in VCL then respects Cache-Control
    # (private, no-cache, no-store, max-age, s-maxage, stale-while-revalidate as grace).
    if (beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    # A page with its own token inside: the visitor's, not for caches further on.
    if (resp.http.x-esi) {
        set resp.http.Cache-Control = "private, no-cache";
        unset resp.http.x-esi;
    }
    unset resp.http.x-host;
    unset resp.http.x-path;
}
