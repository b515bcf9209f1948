namespace Pipeline.Tokens;

/// <summary>
/// Reads and writes the extension attributes of one doc, span or token (<c>doc.Ext["name"]</c>). Values are
/// kept in the doc's <see cref="Doc.UserData"/>; unset attributes return their registered default.
/// </summary>
public sealed class ExtensionValues
{
    private readonly Doc _doc;
    private readonly ExtensionTarget _target;
    private readonly int _start;
    private readonly int _end;

    internal ExtensionValues(Doc doc, ExtensionTarget target, int start, int end)
    {
        _doc = doc;
        _target = target;
        _start = start;
        _end = end;
    }

    /// <summary>The value of the named extension attribute.</summary>
    public object? this[string name]
    {
        get
        {
            var extension = Extensions.Get(_target, name);
            if (extension.Getter is not null)
            {
                return extension.Getter(Owner());
            }

            return _doc.HasUserData && _doc.UserData.TryGetValue(Key(name), out var value) ? value : extension.Default;
        }
        set
        {
            var extension = Extensions.Get(_target, name);
            if (extension.Getter is not null)
            {
                throw Errors.InvalidArgument($"Extension '{name}'", "is computed by a getter and cannot be assigned");
            }

            _doc.UserData[Key(name)] = value;
        }
    }

    /// <summary>The value of the named attribute converted to <typeparamref name="T"/>.</summary>
    public T? Get<T>(string name) => this[name] is T value ? value : default;

    private UserDataKey Key(string name) => new(UserDataKey.ExtensionNamespace, name, _start, _end);

    private object Owner() => _target switch
    {
        ExtensionTarget.Doc => _doc,
        ExtensionTarget.Token => _doc.TokenAtChar(_start),
        _ => _doc.SpanAtChars(_start, _end),
    };
}
