package org.civatlas.layers;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/** Plain HTML views of OGC API documents for people with a browser; every value is escaped. */
final class OgcHtml {

    private OgcHtml() {
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><style>body{font-family:sans-serif;margin:1.5em;max-width:70em}table{border-collapse:"
                + "collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;font-size:13px}"
                + "</style></head><body><h1>" + esc(title) + "</h1>" + body
                + "<p><a href=\"?f=json\">JSON</a></p></body></html>";
    }

    static String links(List<Link> links) {
        StringBuilder sb = new StringBuilder("<ul>");
        for (Link l : links) {
            sb.append("<li><a href=\"").append(esc(l.href())).append("\">").append(esc(l.title() == null ? l.rel()
                    : l.title())).append("</a> (").append(esc(l.rel())).append(")</li>");
        }
        return sb.append("</ul>").toString();
    }

    static String table(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return "<p>无要素 No features</p>";
        }
        StringBuilder sb = new StringBuilder("<table><tr>");
        for (String k : rows.get(0).keySet()) {
            sb.append("<th>").append(esc(k)).append("</th>");
        }
        sb.append("</tr>");
        for (Map<String, Object> r : rows) {
            sb.append("<tr>");
            for (Object v : r.values()) {
                sb.append("<td>").append(esc(v == null ? "" : String.valueOf(v))).append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</table>").toString();
    }

    static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
