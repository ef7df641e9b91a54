package modulithfixture.leaky.b;

public class Api {
}
