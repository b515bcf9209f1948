namespace Snek;

/// <summary>The snakes the component can draw, by style.</summary>
public static class SnekArt
{
    /// <summary>The style used when none is configured.</summary>
    public const string DefaultStyle = "basic";

    /// <summary>The drawings by style name.</summary>
    public static IReadOnlyDictionary<string, string> Styles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["basic"] =
            "   ____\n" +
            "  / . .\\\n" +
            "  \\  ---<\n" +
            "   \\  /\n" +
            " __/ /\n" +
            "<__~~\n",
        ["cute"] =
            "    _..._\n" +
            "   ( ^ ^ )~~<\n" +
            "    \\ w /\n" +
            "  .-'   '-.__\n" +
            " (__.-~~-.___)=\n",
    };
}
