package modulithfixture.leaky.b.internal;

public class Secret {
    public int value() {
        return 42;
    }
}
