namespace Pipeline.Tokens;

/// <summary>
/// A key of <see cref="Doc.UserData"/>. Extension values use the namespace <see cref="ExtensionNamespace"/> and the
/// character offsets of what they are attached to (-1 when not applicable), so they survive serialization.
/// </summary>
/// <param name="Namespace">Groups keys; <c>"._."</c> for extension attributes.</param>
/// <param name="Name">The attribute or entry name.</param>
/// <param name="Start">Start character of the token or span; -1 for the doc.</param>
/// <param name="End">End character of the span; -1 for tokens and the doc.</param>
public readonly record struct UserDataKey(string Namespace, string Name, int Start = -1, int End = -1)
{
    /// <summary>The namespace of extension attribute values.</summary>
    public const string ExtensionNamespace = "._.";
}
