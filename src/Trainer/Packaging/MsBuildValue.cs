using System.Globalization;
using System.Text;

namespace Pipeline.Trainer.Packaging;

/// <summary>
/// Values passed to MSBuild as command-line properties (<c>-p:Name=value</c>). MSBuild reads <c>;</c> and <c>,</c>
/// there as the start of another property, <c>%XX</c> as an escape and <c>$ @ ' ( ) * ?</c> as its own syntax, so a
/// path or source holding them could set other properties (e.g. import a targets file). Every such character is
/// escaped as <c>%XX</c>, which MSBuild turns back into the character; control characters are refused (E183).
/// </summary>
public static class MsBuildValue
{
    /// <summary>The characters MSBuild gives a meaning on its command line or in property values.</summary>
    public const string Special = "%;,$@'\"()*?=<>|`";

    /// <summary><paramref name="value"/> (a <paramref name="what"/>, for the error) with every <see cref="Special"/> character escaped.</summary>
    public static string Escape(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(what);
        if (value.Any(char.IsControl))
        {
            throw TrainerErrors.UnsafeToolValue(what, value, "it holds a control character");
        }

        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// The characters a folder holding a project to build must not have: the SDK's own targets use the project's
    /// path unescaped, so MSBuild reads them as escapes (<c>%41</c>), properties, item lists or wildcards (checked
    /// with dotnet SDK 10: <c>%</c> gives NETSDK1004, <c>@(...)</c> MSB4012).
    /// </summary>
    public const string UnbuildableInPath = "%$@'*?";

    /// <summary>E183 when <paramref name="folder"/> (a <paramref name="what"/>) holds a character of <see cref="UnbuildableInPath"/> or a control character.</summary>
    public static void RefuseAsProjectFolder(string folder, string what)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var bad = folder.Where(c => UnbuildableInPath.Contains(c, StringComparison.Ordinal)).Distinct().ToList();
        if (bad.Count > 0)
        {
            throw TrainerErrors.UnsafeToolValue(
                what, folder, $"dotnet pack cannot build a project in a folder whose path holds {string.Join(' ', bad.Select(c => $"'{c}'"))} (MSBuild reads them as its own syntax in the project's paths)");
        }

        Escape(folder, what);
    }

    /// <summary>The argument <c>-p:<paramref name="name"/>=value</c> with <paramref name="value"/> escaped.</summary>
    public static string Property(string name, string value, string what) => $"-p:{name}={Escape(value, what)}";

    /// <summary>
    /// The argument <c>-p:<paramref name="name"/>=a%3Bb</c> for an MSBuild list; an item holding <c>;</c> is refused
    /// (E183), as MSBuild would split it into two items.
    /// </summary>
    public static string ListProperty(string name, IEnumerable<string> items, string what)
    {
        ArgumentNullException.ThrowIfNull(items);
        var escaped = new List<string>();
        foreach (var item in items)
        {
            if (item.Contains(';', StringComparison.Ordinal))
            {
                throw TrainerErrors.UnsafeToolValue(what, item, "MSBuild reads ';' in it as the end of one item and the start of another");
            }

            escaped.Add(Escape(item, what));
        }

        return $"-p:{name}={string.Join("%3B", escaped)}";
    }
}
