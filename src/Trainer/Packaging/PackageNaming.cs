using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace Pipeline.Trainer.Packaging;

/// <summary>Names the parts of a model package: entry class, folders, target framework.</summary>
public static class PackageNaming
{
    /// <summary>The namespace of every generated entry class.</summary>
    public const string EntryNamespace = "Pipeline.Models";

    /// <summary>The entry class for a package id: <c>en_core_web_sm</c> becomes <c>EnCoreWebSm</c>.</summary>
    public static string EntryClassName(string packageId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageId);
        var name = new StringBuilder(packageId.Length);
        foreach (var part in packageId.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "Model" + name : name.ToString();
    }

    /// <summary>The package directory and data folder name, <c>&lt;lang&gt;_&lt;name&gt;-&lt;version&gt;</c>.</summary>
    public static string VersionedName(ModelMeta meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        return $"{meta.PackageId}-{meta.Version}";
    }

    /// <summary>The target framework moniker Pipeline.Core was built for, e.g. <c>net10.0</c>.</summary>
    public static string TargetFramework()
    {
        var attribute = typeof(Nlp).Assembly.GetCustomAttributes(typeof(TargetFrameworkAttribute), false)
            .OfType<TargetFrameworkAttribute>().FirstOrDefault();
        var marker = ",Version=v";
        var name = attribute?.FrameworkName ?? string.Empty;
        var at = name.IndexOf(marker, StringComparison.Ordinal);
        return at < 0
            ? "net" + Environment.Version.ToString(2)
            : "net" + name[(at + marker.Length)..].ToString(CultureInfo.InvariantCulture);
    }
}
