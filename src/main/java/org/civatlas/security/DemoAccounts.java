package org.civatlas.security;

import java.util.List;

/** The accounts of the embedded demo; their passwords are public by design and shown on the login page. */
public final class DemoAccounts {

    public record Account(String username, String password, List<Role> roles) {
    }

    public static final List<Account> ALL = List.of(
            new Account("planner", "planner", List.of(Role.PLANNER)),
            new Account("names", "names", List.of(Role.NAME_OFFICER)),
            new Account("boundary", "boundary", List.of(Role.BOUNDARY_OFFICER)),
            new Account("admin", "admin", List.of(Role.ADMIN)));

    private DemoAccounts() {
    }
}
