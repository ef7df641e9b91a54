package org.civatlas.places.romanization;

/** What a place name names; decides how the generic (通名) is split off and written. */
public enum NameKind {
    /**
     * An administrative unit or self-governing body (省, 县, 镇, 乡, a villagers' committee 村, a residents'
     * committee 社区, a 管委会): the generic is written separately, "Shule Xian", "Alafu Cun".
     */
    ADMINISTRATIVE,
    /** A natural village or a town as a settlement: the whole name is one word, "Wangcun", "Zhoukoudian". */
    SETTLEMENT,
    /** A natural feature (山, 河, 湖, 沟): "Tai Hu", "Erdao Gou". */
    NATURAL_FEATURE,
    /** A street or lane (路, 街, 巷, 胡同, 条): "Dongsi 12 Tiao". */
    STREET,
    /**
     * Unknown or anything else: any known generic is split off; names ending in a natural-village generic
     * (庄, 屯, 铺, 堡, 店, 营, 寨, 集, 坊) are written as one word.
     */
    OTHER
}
