package org.civatlas.places.romanization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlaceNameRomanizerTest {

    private static final Pattern WRITTEN = Pattern.compile("[A-Za-zü'0-9]+( [A-Za-zü'0-9]+)*");

    private final PlaceNameRomanizer romanizer = new PlaceNameRomanizer();

    private String rom(String name, NameKind kind) {
        return romanizer.romanize(name, kind).romanized();
    }

    // ------------------------------------------------------------------ DOMAIN.md §3 rule examples

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            疏勒县         | ADMINISTRATIVE  | Shule Xian
            太湖           | NATURAL_FEATURE | Tai Hu
            太湖           | OTHER           | Tai Hu
            通县           | ADMINISTRATIVE  | Tong Xian
            江苏省         | ADMINISTRATIVE  | Jiangsu Sheng
            西藏自治区     | ADMINISTRATIVE  | Xizang Zizhiqu
            歙县           | ADMINISTRATIVE  | She Xian
            西辽河         | NATURAL_FEATURE | Xiliao He
            王村           | SETTLEMENT      | Wangcun
            周口店         | SETTLEMENT      | Zhoukoudian
            周口店         | OTHER           | Zhoukoudian
            旧县           | SETTLEMENT      | Jiuxian
            旧县           | ADMINISTRATIVE  | Jiu Xian
            黑龙江省       | ADMINISTRATIVE  | Heilongjiang Sheng
            黑龙江         | NATURAL_FEATURE | Heilong Jiang
            景德镇市       | ADMINISTRATIVE  | Jingdezhen Shi
            疏勒镇         | ADMINISTRATIVE  | Shule Zhen
            疏勒镇         | SETTLEMENT      | Shulezhen
            左权县         | ADMINISTRATIVE  | Zuoquan Xian
            二道沟         | NATURAL_FEATURE | Erdao Gou
            东四12条       | STREET          | Dongsi 12 Tiao
            东四１２条     | STREET          | Dongsi 12 Tiao
            十里堡         | SETTLEMENT      | Shilipu
            吴堡县         | ADMINISTRATIVE  | Wubu Xian
            瓦窑堡         | SETTLEMENT      | Wayaobu
            西安市         | ADMINISTRATIVE  | Xi'an Shi
            建瓯市         | ADMINISTRATIVE  | Jian'ou Shi
            天峨县         | ADMINISTRATIVE  | Tian'e Xian
            女儿河         | NATURAL_FEATURE | Nü'er He
            阿拉甫村       | ADMINISTRATIVE  | Alafu Cun
            阿拉甫村       | SETTLEMENT      | Alafucun
            城关社区       | ADMINISTRATIVE  | Chengguan Shequ
            喀什市         | ADMINISTRATIVE  | Kashi Shi
            伽师县         | ADMINISTRATIVE  | Jiashi Xian
            莎车县         | ADMINISTRATIVE  | Shache Xian
            巴彦淖尔市     | ADMINISTRATIVE  | Bayannao'er Shi
            新疆维吾尔自治区 | ADMINISTRATIVE | Xinjiang Weiwu'er Zizhiqu
            湘西土家族苗族自治州 | ADMINISTRATIVE | Xiangxi Tujiazu Miaozu Zizhizhou
            巴音郭楞蒙古自治州 | ADMINISTRATIVE | Bayinguoleng Menggu Zizhizhou
            内蒙古自治区   | ADMINISTRATIVE  | Neimenggu Zizhiqu
            克孜勒苏柯尔克孜自治州 | ADMINISTRATIVE | Kezilesu Ke'erkezi Zizhizhou
            高家回族乡     | ADMINISTRATIVE  | Gaojia Huizu Xiang
            长安街         | STREET          | Chang'an Jie
            长沙市         | ADMINISTRATIVE  | Changsha Shi
            上海           | OTHER           | Shanghai
            上海市         | ADMINISTRATIVE  | Shanghai Shi
            王府井大街     | STREET          | Wangfujing Dajie
            南锣鼓巷       | STREET          | Nanluogu Xiang
            通鲁克村民委员会 | ADMINISTRATIVE | Tongluke Cunmin Weiyuanhui
            阿亚克艾尔木东村村委会 | ADMINISTRATIVE | Ayake'ai'ermudongcun Cunweihui
            高新技术产业孵化园区管委会 | ADMINISTRATIVE | Gaoxin Jishu Chanye Fuhua Yuanqu Guanweihui
            工业园区虚拟社区 | ADMINISTRATIVE | Gongye Yuanqu Xuni Shequ
            罕南力克镇     | ADMINISTRATIVE  | Hannanlike Zhen
            王庄           | OTHER           | Wangzhuang
            王村           | OTHER           | Wang Cun
            """)
    void ruleExamples(String name, NameKind kind, String expected) {
        assertThat(rom(name, kind)).isEqualTo(expected);
    }

    // ------------------------------------------------------------------ special readings (DOMAIN.md §3 list)

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            蚌埠市   | Bengbu Shi
            六安市   | Lu'an Shi
            六合区   | Luhe Qu
            丽水市   | Lishui Shi
            番禺区   | Panyu Qu
            乐清市   | Yueqing Shi
            乐亭县   | Laoting Xian
            乐陵市   | Laoling Shi
            铅山县   | Yanshan Xian
            歙县     | She Xian
            莘县     | Shen Xian
            莘庄镇   | Xinzhuang Zhen
            涡阳县   | Guoyang Xian
            单县     | Shan Xian
            亳州市   | Bozhou Shi
            洪洞县   | Hongtong Xian
            枞阳县   | Zongyang Xian
            盱眙县   | Xuyi Xian
            蔚县     | Yu Xian
            尉犁县   | Yuli Xian
            犍为县   | Qianwei Xian
            台州市   | Taizhou Shi
            天台县   | Tiantai Xian
            闽侯县   | Minhou Xian
            东阿县   | Dong'e Xian
            牟平区   | Muping Qu
            中牟县   | Zhongmu Xian
            浚县     | Xun Xian
            荥阳市   | Xingyang Shi
            荥经县   | Yingjing Xian
            长子县   | Zhangzi Xian
            子长市   | Zichang Shi
            繁峙县   | Fanshi Xian
            任丘市   | Renqiu Shi
            冠县     | Guan Xian
            临朐县   | Linqu Xian
            渑池县   | Mianchi Xian
            漯河市   | Luohe Shi
            召陵区   | Shaoling Qu
            监利市   | Jianli Shi
            大埔县   | Dabu Xian
            黄埔区   | Huangpu Qu
            高要区   | Gaoyao Qu
            覃塘区   | Qintang Qu
            筠连县   | Junlian Xian
            阆中市   | Langzhong Shi
            泌阳县   | Biyang Xian
            澄海区   | Chenghai Qu
            澄城县   | Chengcheng Xian
            澄迈县   | Chengmai Xian
            句容市   | Jurong Shi
            华县     | Hua Xian
            华阴市   | Huayin Shi
            珲春市   | Hunchun Shi
            瑷珲     | Aihui
            穆棱市   | Muling Shi
            宝坻区   | Baodi Qu
            砀山县   | Dangshan Xian
            邳州市   | Pizhou Shi
            邗江区   | Hanjiang Qu
            甪直镇   | Luzhi Zhen
            鄄城县   | Juancheng Xian
            茌平区   | Chiping Qu
            郫县     | Pi Xian
            珙县     | Gong Xian
            邛崃市   | Qionglai Shi
            蠡县     | Li Xian
            井陉县   | Jingxing Xian
            柘城县   | Zhecheng Xian
            武陟县   | Wuzhi Xian
            耒阳市   | Leiyang Shi
            郴州市   | Chenzhou Shi
            婺源县   | Wuyuan Xian
            涪陵区   | Fuling Qu
            隰县     | Xi Xian
            儋州市   | Danzhou Shi
            巴彦淖尔市 | Bayannao'er Shi
            吴堡县   | Wubu Xian
            疏勒县   | Shule Xian
            伽师县   | Jiashi Xian
            莎车县   | Shache Xian
            重庆市   | Chongqing Shi
            厦门市   | Xiamen Shi
            东莞市   | Dongguan Shi
            乐山市   | Leshan Shi
            柞水县   | Zhashui Xian
            察布查尔锡伯自治县 | Chabucha'er Xibo Zizhixian
            """)
    void specialReadings(String name, String expected) {
        Romanization r = romanizer.romanize(name, NameKind.ADMINISTRATIVE);
        assertThat(r.romanized()).isEqualTo(expected);
        assertThat(r.certain()).as("certain %s %s", name, r.notes()).isTrue();
    }

    @Test
    void mountainWithSpecialReading() {
        assertThat(rom("华山", NameKind.NATURAL_FEATURE)).isEqualTo("Hua Shan");
        assertThat(romanizer.romanize("华山", NameKind.NATURAL_FEATURE).tonedSyllables()).containsExactly("hua4", "shan1");
    }

    @Test
    void shuleIsNotShulei() {
        Romanization r = romanizer.romanize("疏勒县", NameKind.ADMINISTRATIVE);
        assertThat(r.romanized()).isEqualTo("Shule Xian");
        assertThat(r.specific()).isEqualTo("Shule");
        assertThat(r.generic()).isEqualTo("Xian");
        assertThat(r.syllables()).containsExactly("shu", "le", "xian");
        assertThat(r.tonedSyllables()).containsExactly("shu1", "le4", "xian4");
        assertThat(r.initials()).isEqualTo("slx");
        assertThat(r.certain()).isTrue();
        assertThat(r.notes()).contains("polyphone 勒 read le by the place-name dictionary (疏勒)");
    }

    @Test
    void everyDictionaryEntryIsApplied() {
        List<String> failures = new ArrayList<>();
        for (ReadingDictionary.Entry e : ReadingDictionary.defaults().entries()) {
            Romanization r = romanizer.romanize(e.name(), NameKind.OTHER);
            if (!r.tonedSyllables().equals(e.readings()) || !r.certain()) {
                failures.add(e.name() + " " + e.readings() + " -> " + r.tonedSyllables() + " " + r.notes());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(ReadingDictionary.defaults().entries()).hasSizeGreaterThanOrEqualTo(90);
    }

    @Test
    void longestEntryWinsAndEntriesAreScopedToTheName() {
        assertThat(rom("莘县", NameKind.ADMINISTRATIVE)).isEqualTo("Shen Xian");
        assertThat(rom("莘庄", NameKind.SETTLEMENT)).isEqualTo("Xinzhuang");
        assertThat(rom("荥阳市", NameKind.ADMINISTRATIVE)).isEqualTo("Xingyang Shi");
        assertThat(rom("荥经县", NameKind.ADMINISTRATIVE)).isEqualTo("Yingjing Xian");
        assertThat(rom("大埔县", NameKind.ADMINISTRATIVE)).isEqualTo("Dabu Xian");
        assertThat(rom("黄埔区", NameKind.ADMINISTRATIVE)).isEqualTo("Huangpu Qu");
        assertThat(rom("珲春市", NameKind.ADMINISTRATIVE)).isEqualTo("Hunchun Shi");
        assertThat(rom("瑷珲", NameKind.OTHER)).isEqualTo("Aihui");
        assertThat(rom("长子县", NameKind.ADMINISTRATIVE)).isEqualTo("Zhangzi Xian");
        assertThat(rom("子长市", NameKind.ADMINISTRATIVE)).isEqualTo("Zichang Shi");
    }

    @Test
    void dictionaryNoteForMinorityOriginName() {
        Romanization r = romanizer.romanize("巴彦淖尔市", NameKind.ADMINISTRATIVE);
        assertThat(r.notes()).anyMatch(n -> n.contains("Bayannur"));
    }

    // ------------------------------------------------------------------ uncertainty, odd input

    @Test
    void polyphoneWithoutEntryIsUncertainAndNamed() {
        Romanization r = romanizer.romanize("卡赞其村", NameKind.ADMINISTRATIVE);
        assertThat(r.romanized()).isEqualTo("Kazanqi Cun");
        assertThat(r.certain()).isFalse();
        assertThat(r.notes()).anyMatch(n -> n.contains("卡") && n.contains("ka") && n.contains("qia"));
    }

    @Test
    void placeNameDefaultBeatsPinyin4jFirstReading() {
        // pinyin4j lists zhang3 first for 长; place names read chang unless the dictionary says otherwise
        Romanization r = romanizer.romanize("长春市", NameKind.ADMINISTRATIVE);
        assertThat(r.romanized()).isEqualTo("Changchun Shi");
        assertThat(r.certain()).isTrue();
    }

    @Test
    void unknownCharacterIsLeftOutWithNote() {
        Romanization r = romanizer.romanize("王\uD840\uDC00村", NameKind.ADMINISTRATIVE); // U+20000
        assertThat(r.romanized()).isEqualTo("Wang Cun");
        assertThat(r.certain()).isFalse();
        assertThat(r.notes()).anyMatch(n -> n.contains("U+20000"));
    }

    @Test
    void punctuationSeparatesAndIsNoted() {
        Romanization r = romanizer.romanize("张家（新）村", NameKind.ADMINISTRATIVE);
        assertThat(r.romanized()).isEqualTo("Zhangjia Xin Cun");
        assertThat(r.notes()).contains("ignored '('", "ignored ')'");
    }

    @Test
    void latinLettersAreKept() {
        assertThat(rom("A区", NameKind.ADMINISTRATIVE)).isEqualTo("A Qu");
    }

    @Test
    void blankAndNull() {
        Romanization r = romanizer.romanize("  ", NameKind.OTHER);
        assertThat(r.romanized()).isEmpty();
        assertThat(r.syllables()).isEmpty();
        assertThatThrownBy(() -> romanizer.romanize(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void nameThatIsOnlyAGeneric() {
        assertThat(rom("村", NameKind.ADMINISTRATIVE)).isEqualTo("Cun");
        assertThat(rom("地区", NameKind.ADMINISTRATIVE)).isEqualTo("Diqu");
    }

    @Test
    void erhuaOnlyWhenTheDictionarySaysSo() {
        assertThat(rom("女儿河", NameKind.NATURAL_FEATURE)).isEqualTo("Nü'er He");
        ReadingDictionary withErhua = ReadingDictionary.defaults()
                .with(List.of(new ReadingDictionary.Entry("小儿", "xiao3 r")));
        PlaceNameRomanizer custom = new PlaceNameRomanizer(withErhua, GenericDictionary.defaults());
        Romanization r = custom.romanize("小儿沟", NameKind.NATURAL_FEATURE);
        assertThat(r.romanized()).isEqualTo("Xiaor Gou");
        assertThat(r.initials()).isEqualTo("xg");
    }

    @Test
    void officerCorrectionReplacesAnEntry() {
        ReadingDictionary corrected = ReadingDictionary.defaults()
                .with(List.of(new ReadingDictionary.Entry("卡赞其", "ka3 zan4 qi2")));
        Romanization r = new PlaceNameRomanizer(corrected, GenericDictionary.defaults())
                .romanize("卡赞其村", NameKind.ADMINISTRATIVE);
        assertThat(r.romanized()).isEqualTo("Kazanqi Cun");
        assertThat(r.certain()).isTrue();
    }

    @Test
    void badDictionaryEntryIsRejected() {
        assertThatThrownBy(() -> new ReadingDictionary.Entry("疏勒", "shu1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadingDictionary.Entry("疏勒", "shu1 le")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitGivesTheChineseParts() {
        assertThat(romanizer.split("景德镇市", NameKind.ADMINISTRATIVE))
                .isEqualTo(new PlaceNameRomanizer.Split("景德镇", "市", GenericDictionary.Category.ADMIN));
        assertThat(romanizer.split("上海", NameKind.OTHER).generic()).isEmpty();
        assertThat(romanizer.split("太湖", NameKind.NATURAL_FEATURE).generic()).isEqualTo("湖");
    }

    @Test
    void genericReadingBeatsCharacterDefault() {
        // 铺 is pu1 first in pinyin4j; as a settlement generic it is pu4
        assertThat(romanizer.romanize("五里铺", NameKind.SETTLEMENT).tonedSyllables()).containsExactly("wu3", "li3", "pu4");
    }

    // ------------------------------------------------------------------ Shule, all 268 names

    @Test
    void allShuleNames() throws IOException {
        List<String> names = TestData.shuleNames();
        assertThat(names).hasSize(268);
        int uncertain = 0;
        StringBuilder print = new StringBuilder();
        for (String name : names) {
            Romanization r = romanizer.romanize(name, NameKind.ADMINISTRATIVE);
            assertThat(r.romanized()).as(name).isNotEmpty().matches(WRITTEN);
            assertThat(r.generic()).as(name).isNotEmpty();
            assertThat(NameKeys.toneless(name)).as(name).isEqualTo(NameKeys.normalizeLatin(r.romanized()));
            if (!r.certain()) {
                uncertain++;
            }
            print.append(String.format("%-16s %-44s %s%s%n", name, r.romanized(), r.certain() ? "" : "UNCERTAIN ",
                    r.certain() ? "" : r.notes()));
        }
        System.out.print(print);
        System.out.println("Shule names: " + names.size() + ", uncertain: " + uncertain);
        assertThat(uncertain).isLessThan(20);
    }

    @Test
    void nationalCountyAndTownshipNamesDoNotBreak() throws IOException {
        Path areas = TestData.nationalFile("areas");
        Path streets = TestData.nationalFile("streets");
        Assumptions.assumeTrue(areas != null && streets != null, "national seed files not present");
        List<String> names = new ArrayList<>(TestData.nationalNames(areas));
        names.addAll(TestData.nationalNames(streets));
        int uncertain = 0;
        for (String name : names) {
            Romanization r = romanizer.romanize(name, NameKind.ADMINISTRATIVE);
            assertThat(r.romanized()).as(name).matches(Pattern.compile("[A-Za-zü'0-9 ]*"));
            if (!r.certain()) {
                uncertain++;
            }
        }
        System.out.println("national county and township names: " + names.size() + ", uncertain: " + uncertain);
    }
}
