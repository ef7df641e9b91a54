package org.civatlas.places;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The announcements of newly approved names as an Atom feed (ROME writes and escapes the XML): one entry per
 * published case, newest first, with the fields an announcement carries, so that other departments and the public
 * can follow new standard names in any feed reader.
 */
final class AnnouncementFeed {

    private AnnouncementFeed() {
    }

    /**
     * @param announcements as the announcements API gives them (newest first)
     * @param selfUrl       the feed's own address
     * @param pageUrl       the page that shows the announcements
     * @param unitName      unit code → name, for "所在 Unit"
     */
    static String atom(List<Map<String, Object>> announcements, String selfUrl, String pageUrl,
            java.util.function.Function<String, String> unitName) throws FeedException {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("地名公告 Place-name announcements");
        feed.setDescription("经批准公布的标准地名 / Standard names approved and published");
        feed.setUri(selfUrl);
        feed.setLink(pageUrl);
        feed.setLanguage("zh-CN");
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(selfUrl);
        self.setType("application/atom+xml");
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(pageUrl);
        alternate.setType("text/html");
        feed.setLinks(List.of(self, alternate));
        List<SyndEntry> entries = new ArrayList<>();
        Date newest = null;
        for (Map<String, Object> a : announcements) {
            SyndEntry entry = new SyndEntryImpl();
            boolean renaming = "RENAMING".equals(a.get("kind"));
            entry.setTitle((renaming ? "更名 Renaming: " : "命名 Naming: ") + a.get("standardName")
                    + (a.get("romanized") == null ? "" : " (" + a.get("romanized") + ")"));
            entry.setUri("urn:civatlas:naming-case:" + a.get("caseId"));
            entry.setLink(pageUrl);
            Date date = date(a.get("announcedOn"), a.get("approvedOn"));
            entry.setPublishedDate(date);
            entry.setUpdatedDate(date);
            if (date != null && (newest == null || date.after(newest))) {
                newest = date;
            }
            StringBuilder text = new StringBuilder();
            line(text, "标准名称 Standard name", a.get("standardName"));
            line(text, "罗马字母拼写 Romanized", a.get("romanized"));
            line(text, "原名 Former name", a.get("formerName"));
            line(text, "类别 Category", a.get("category"));
            Object unit = a.get("unitCode");
            line(text, "所在 Unit", unit == null ? null : Objects.requireNonNullElse(unitName.apply(unit.toString()),
                    unit.toString()) + " (" + unit + ")");
            line(text, "位置 Location", a.get("locationDescription"));
            line(text, "坐标 Coordinates (WGS 84)", a.get("lon") == null ? null : a.get("lon") + ", " + a.get("lat"));
            line(text, "批准机关 Approved by", a.get("approvingBody"));
            line(text, "批准文号 Document no.", a.get("documentNumber"));
            line(text, "批准日期 Approved on", a.get("approvedOn"));
            line(text, "公告日期 Announced on", a.get("announcedOn"));
            line(text, "公告媒体 Medium", a.get("announcementMedium"));
            SyndContent content = new SyndContentImpl();
            content.setType("text/plain");
            content.setValue(text.toString().strip());
            entry.setDescription(content);
            entries.add(entry);
        }
        feed.setEntries(entries);
        // Atom requires feed/updated: the newest announcement, or the epoch for an empty feed
        feed.setPublishedDate(newest == null ? new Date(0) : newest);
        return new SyndFeedOutput().outputString(feed);
    }

    private static void line(StringBuilder text, String label, Object value) {
        if (value != null && !value.toString().isBlank()) {
            text.append(label).append("：").append(value).append('\n');
        }
    }

    private static Date date(Object... candidates) {
        for (Object c : candidates) {
            if (c instanceof LocalDate d) {
                return Date.from(d.atStartOfDay().toInstant(ZoneOffset.UTC));
            }
        }
        return null;
    }
}
