package modulithfixture.leaky.a;

import modulithfixture.leaky.b.internal.Secret;

/** A deliberate violation: module a uses module b's internals. Only ModularityTest reads this package. */
public class UsesSecret {
    public int use() {
        return new Secret().value();
    }
}
