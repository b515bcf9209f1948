using System.Text.RegularExpressions;

namespace Pipeline.Display;

/// <summary>Accepts the CSS color values the renderer writes into a style attribute, and nothing that could break out of it.</summary>
internal static partial class CssColor
{
    public static bool IsValid(string? color) => color is not null && color.Length <= 200 && Pattern().IsMatch(color.Trim());

    // A hex color, a color name, or a function of numbers, percentages, angles, hex colors and names
    // (rgb(), hsl(), linear-gradient(...)): letters, digits, '#', '%', '.', ',', '-', spaces and parentheses only.
    [GeneratedRegex(@"^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+|[a-zA-Z-]+\([a-zA-Z0-9#%., ()-]*\))$")]
    private static partial Regex Pattern();
}
