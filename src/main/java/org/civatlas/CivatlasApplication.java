package org.civatlas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CivatlasApplication {
    public static void main(String[] args) {
        SpringApplication.run(CivatlasApplication.class, args);
    }
}
