using System.Runtime.ExceptionServices;
using MessagePack;
using Pipeline.Components;
using Pipeline.IO;
using Pipeline.Tokenization;
using Pipeline.Tokenization.Learned;

namespace Pipeline.Serialization;

/// <summary>
/// Saves and loads a whole <see cref="Language"/>: meta, tokenizer, vocab and each component, either into one
/// byte array or into a model directory.
/// </summary>
internal static class LanguageSerializer
{
    public const string TokenizerFile = "tokenizer";
    public const string VocabDirectory = "vocab";
    private const int FormatVersion = 1;
    private const string Source = "pipeline bytes";

    public static byte[] ToBytes(Language nlp, HashSet<string> skip)
    {
        var parts = new List<(string Key, byte[]? Bytes, string? Text)>();
        if (!skip.Contains("meta"))
        {
            parts.Add(("meta", null, nlp.CurrentMeta().ToJson()));
        }

        if (!skip.Contains("tokenizer") && nlp.Tokenizer is IByteSerializable tokenizer)
        {
            parts.Add(("tokenizer", tokenizer.ToBytes(), null));
        }

        if (!skip.Contains("vocab"))
        {
            parts.Add(("vocab", nlp.Vocab.ToBytes(), null));
        }

        var components = nlp.Pipeline
            .Where(p => !skip.Contains(p.Name) && ComponentState.HasState(p.Pipe))
            .Select(p => (p.Name, Data: ComponentState.ToBytes(p.Pipe)))
            .ToList();
        return MsgPack.Write((ref MessagePackWriter w) =>
        {
            w.WriteMapHeader(parts.Count + 2);
            w.Write("format");
            w.Write(FormatVersion);
            foreach (var (key, bytes, text) in parts)
            {
                w.Write(key);
                if (text is not null)
                {
                    w.Write(text);
                }
                else
                {
                    w.Write(bytes);
                }
            }

            w.Write("components");
            w.WriteMapHeader(components.Count);
            foreach (var (name, data) in components)
            {
                w.Write(name);
                w.Write(data);
            }
        });
    }

    public static void FromBytes(Language nlp, byte[] data, HashSet<string> skip)
    {
        var parts = MsgPack.Read(data, Source, (ref MessagePackReader r) =>
        {
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            var fields = r.ReadMapHeader();
            for (var i = 0; i < fields; i++)
            {
                var key = MsgPack.ReadString(ref r);
                switch (key)
                {
                    case "format":
                        MsgPack.ReadFormatVersion(ref r, Source, FormatVersion);
                        break;
                    case "meta":
                        result[key] = MsgPack.ReadString(ref r);
                        break;
                    case "tokenizer" or "vocab":
                        result[key] = MsgPack.ReadBytes(ref r);
                        break;
                    case "components":
                        var components = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                        var count = r.ReadMapHeader();
                        for (var c = 0; c < count; c++)
                        {
                            components[MsgPack.ReadString(ref r)] = MsgPack.ReadBytes(ref r);
                        }

                        result[key] = components;
                        break;
                    default:
                        r.Skip();
                        break;
                }
            }

            return result;
        });

        if (!skip.Contains("meta") && parts.TryGetValue("meta", out var meta))
        {
            nlp.Meta = ModelMeta.Parse((string)meta, $"{Source} (meta)");
        }

        if (!skip.Contains("tokenizer"))
        {
            if (parts.TryGetValue("tokenizer", out var t) && TokenizerFor(nlp, (byte[])t) is { } tokenizer)
            {
                Guard("tokenizer", $"{Source} (tokenizer)", () => tokenizer.FromBytes((byte[])t));
            }
            else if (nlp.Tokenizer is IByteSerializable)
            {
                throw Errors.ComponentDataMissing("tokenizer", Source);
            }
        }

        if (!skip.Contains("vocab") && parts.TryGetValue("vocab", out var vocab))
        {
            nlp.Vocab.FromBytes((byte[])vocab);
        }

        var stored = parts.TryGetValue("components", out var c) ? (Dictionary<string, byte[]>)c : [];
        foreach (var (name, pipe) in nlp.Pipeline)
        {
            if (skip.Contains(name) || !ComponentState.HasState(pipe))
            {
                continue;
            }

            if (!stored.TryGetValue(name, out var bytes))
            {
                throw Errors.ComponentDataMissing(name, Source);
            }

            Guard(name, $"{Source} (component '{name}')", () => ComponentState.FromBytes(pipe, bytes, $"{Source} (component '{name}')"));
        }

        var orphans = stored.Keys.Where(k => !nlp.HasPipe(k) && !skip.Contains(k)).ToList();
        if (orphans.Count > 0)
        {
            Warnings.DataWithoutPipe(Source, orphans);
        }
    }

    public static void ToDisk(Language nlp, string path, HashSet<string> skip)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.ReplaceDirectory(path, dir =>
        {
            if (!skip.Contains("meta"))
            {
                nlp.CurrentMeta().Write(Path.Combine(dir, ModelMeta.FileName));
            }

            if (!skip.Contains("tokenizer") && nlp.Tokenizer is IByteSerializable tokenizer)
            {
                AtomicFile.WriteAllBytes(Path.Combine(dir, TokenizerFile), tokenizer.ToBytes());
            }

            if (!skip.Contains("vocab"))
            {
                var vocabDir = Directory.CreateDirectory(Path.Combine(dir, VocabDirectory)).FullName;
                nlp.Vocab.ToDisk(vocabDir);
            }

            foreach (var (name, pipe) in nlp.Pipeline)
            {
                if (!skip.Contains(name) && ComponentState.HasState(pipe))
                {
                    var componentDir = Directory.CreateDirectory(RootedPath.Child(dir, name, "component name")).FullName;
                    ComponentState.ToDisk(pipe, componentDir);
                }
            }
        });
    }

    public static void FromDisk(Language nlp, string path, HashSet<string> skip)
    {
        if (!Directory.Exists(path))
        {
            throw Errors.ModelNotFound(path, []);
        }

        if (!skip.Contains("meta"))
        {
            nlp.Meta = ModelMeta.Read(Path.Combine(path, ModelMeta.FileName));
        }

        // Components that read only their own files (the statistical models, most of a model's bytes) load on the
        // thread pool while the tokenizer, the vocab and the other components load here, in order. The error
        // raised is the one sequential loading would raise first.
        var parts = nlp.Pipeline.Index().Where(p => !skip.Contains(p.Item.Name) && ComponentState.HasState(p.Item.Pipe)).ToList();
        var loads = new List<(int Order, Task Load)>();
        foreach (var (index, (name, pipe)) in parts.Where(p => p.Item.Pipe is IIsolatedState))
        {
            var config = nlp.ConfigOf(pipe);
            loads.Add((index, Task.Run(() => ComponentFromDisk(name, pipe, path, config))));
        }

        var failures = new List<(int Order, ExceptionDispatchInfo Error)>();
        var order = -1;
        try
        {
            if (!skip.Contains("tokenizer"))
            {
                TokenizerFromDisk(nlp, path);
            }

            if (!skip.Contains("vocab"))
            {
                nlp.Vocab.FromDisk(Path.Combine(path, VocabDirectory));
            }

            foreach (var (index, (name, pipe)) in parts.Where(p => p.Item.Pipe is not IIsolatedState))
            {
                order = index;
                ComponentFromDisk(name, pipe, path, nlp.ConfigOf(pipe));
            }
        }
        catch (Exception e)
        {
            failures.Add((order, ExceptionDispatchInfo.Capture(e)));
        }

        foreach (var (index, load) in loads)
        {
            try
            {
                load.GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failures.Add((index, ExceptionDispatchInfo.Capture(e)));
            }
        }

        if (failures.Count > 0)
        {
            failures.MinBy(f => f.Order).Error.Throw();
        }

        var orphans = Directory.EnumerateDirectories(path)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(d => d != VocabDirectory && !d.Contains(".tmp-", StringComparison.Ordinal) && !nlp.HasPipe(d) && !skip.Contains(d))
            .ToList();
        if (orphans.Count > 0)
        {
            Warnings.DataWithoutPipe(path, orphans);
        }
    }

    private static void TokenizerFromDisk(Language nlp, string path)
    {
        var file = Path.Combine(path, TokenizerFile);
        if (File.Exists(file))
        {
            var bytes = InputFiles.ReadAllBytes(file, InputFiles.DataBytes, "the tokenizer file");
            switch (TokenizerFor(nlp, bytes))
            {
                case Tokenizer rules:
                    Guard("tokenizer", file, () => rules.FromBytes(bytes, file));
                    break;
                case LearnedTokenizer learned:
                    Guard("tokenizer", file, () => learned.FromBytes(bytes, file));
                    break;
                case { } other:
                    Guard("tokenizer", file, () => other.FromBytes(bytes));
                    break;
            }
        }
        else if (nlp.Tokenizer is IByteSerializable)
        {
            throw Errors.ComponentDataMissing("tokenizer", file);
        }
    }

    private static void ComponentFromDisk(string name, IPipe pipe, string path, IReadOnlyDictionary<string, object?> config)
    {
        var componentDir = RootedPath.Child(path, name, "component name");
        if (!Directory.Exists(componentDir))
        {
            throw Errors.ComponentDataMissing(name, componentDir);
        }

        Guard(name, componentDir, () => ComponentState.FromDisk(pipe, componentDir, config));
    }

    /// <summary>
    /// The tokenizer that reads <paramref name="bytes"/>: a learned tokenizer's file (kind "learned") installs a
    /// <see cref="LearnedTokenizer"/>, any other file the language's rule tokenizer. Null when it cannot be loaded.
    /// </summary>
    private static IByteSerializable? TokenizerFor(Language nlp, byte[] bytes)
    {
        if (LearnedTokenizer.IsLearnedTokenizer(bytes))
        {
            if (nlp.TokenizerIfCreated is not LearnedTokenizer)
            {
                nlp.Tokenizer = new LearnedTokenizer(nlp.Vocab);
            }
        }
        else if (nlp.TokenizerIfCreated is LearnedTokenizer)
        {
            nlp.Tokenizer = nlp.Defaults.CreateTokenizer(nlp.Vocab);
        }

        return nlp.Tokenizer as IByteSerializable;
    }

    /// <summary>Runs a component's loader, turning any failure of its own into E007/E008 naming the source.</summary>
    private static void Guard(string component, string source, Action load)
    {
        try
        {
            load();
        }
        catch (PipelineException)
        {
            throw;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Errors.ComponentDataMissing(component, source);
        }
        catch (Exception e) when (MsgPack.IsDecodeFailure(e) || e is System.Text.Json.JsonException or IOException)
        {
            throw Errors.Corrupt(source, e.Message, e);
        }
    }
}
