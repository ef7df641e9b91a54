package org.civatlas.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The facility fields a file may carry and the mapping of a file's fields to them (facility field → the file's
 * field), proposed from common names in Chinese and English; the user may change it before committing.
 */
final class FacilityFields {

    /** Facility fields that a file may carry, in the order shown to the user, with the field names recognised. */
    static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        // the facility's id in this atlas, as our exports write it: a distinct name, so no foreign "id" column
        // is ever taken for ours
        FIELDS.put("atlasId", List.of("atlasid"));
        FIELDS.put("synthetic", List.of("synthetic", "合成数据"));
        FIELDS.put("externalId", List.of("externalid", "extid", "facilitycode", "facilityid", "设施编码", "设施编号",
                "编号", "编码", "code", "机构编码", "机构代码"));
        FIELDS.put("type", List.of("type", "typecode", "facilitytype", "typename", "类型", "设施类型", "类别", "类型代码",
                "类型名称"));
        FIELDS.put("name", List.of("name", "facilityname", "名称", "设施名称", "机构名称", "mc"));
        FIELDS.put("status", List.of("status", "状态", "运营状态"));
        FIELDS.put("operator", List.of("operator", "举办主体", "性质", "公办民办"));
        FIELDS.put("beds", List.of("beds", "capacity", "床位", "床位数", "总床位"));
        FIELDS.put("nursingBeds", List.of("nursingbeds", "nursebeds", "护理型床位", "护理型床位数", "护理床位"));
        FIELDS.put("floorAreaM2", List.of("flooraream2", "floorarea", "floorm2", "aream2", "建筑面积", "面积"));
        FIELDS.put("staff", List.of("staff", "工作人员", "工作人员数", "职工数"));
        FIELDS.put("plannedOn", List.of("plannedon", "planneddate", "规划日期"));
        FIELDS.put("constructionStartedOn", List.of("constructionstartedon", "constructionstart", "startedon", "开工日期"));
        FIELDS.put("openedOn", List.of("openedon", "openeddate", "启用日期", "开业日期", "投用日期"));
        FIELDS.put("closedOn", List.of("closedon", "closeddate", "关闭日期", "停用日期"));
    }

    private FacilityFields() {
    }

    /** The proposed mapping: every facility field → the first file field with a recognised name, or null. */
    static Map<String, String> propose(List<String> fields) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (var e : FIELDS.entrySet()) {
            String found = null;
            for (String alias : e.getValue()) {
                for (String f : fields) {
                    if (normalise(f).equals(alias)) {
                        found = f;
                        break;
                    }
                }
                if (found != null) {
                    break;
                }
            }
            mapping.put(e.getKey(), found);
        }
        return mapping;
    }

    private static String normalise(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }
}
