package org.civatlas.common;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Values no request body may carry, refused where JSON is read, for every endpoint at once: numbers that are not
 * finite ({@code "NaN"}, {@code "Infinity"}: Jackson accepts them as strings, and a NaN coordinate passes every
 * range check) and text that is not valid Unicode (a lone UTF-16 surrogate such as {@code "\ud800"}, which would be
 * stored and then break every export and page that shows it). The request is a 400 problem naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonInput {

    @Bean
    JacksonModule strictJsonInputModule() {
        SimpleModule module = new SimpleModule("civatlas-strict-input");
        module.addDeserializer(Double.class, new FiniteDouble(Double.class, null));
        module.addDeserializer(Double.TYPE, new FiniteDouble(Double.TYPE, 0.0));
        module.addDeserializer(String.class, new WellFormedString());
        return module;
    }

    static final class FiniteDouble extends NumberDeserializers.DoubleDeserializer {

        @SuppressWarnings({"unchecked", "rawtypes"})
        FiniteDouble(Class type, Double empty) {
            super(type, empty);
        }

        @Override
        public Double deserialize(JsonParser p, DeserializationContext ctxt) {
            Double value = super.deserialize(p, ctxt);
            if (value != null && !Double.isFinite(value)) {
                throw InvalidFormatException.from(p, "须为有限的数值（不能是 NaN 或无穷大）/ must be a finite number, not "
                        + value, value, Double.class);
            }
            return value;
        }
    }

    static final class WellFormedString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && !wellFormed(value)) {
                throw InvalidFormatException.from(p, "文本含有无效的 Unicode 字符（不成对的代理项）/ the text contains an "
                        + "invalid Unicode character (an unpaired surrogate)", value, String.class);
            }
            return value;
        }
    }

    /** True when every surrogate in the text is part of a high-low pair. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
