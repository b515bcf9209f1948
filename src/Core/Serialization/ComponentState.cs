using MessagePack;
using Pipeline.Components;
using Pipeline.IO;

namespace Pipeline.Serialization;

/// <summary>
/// Moves one component's state between bytes and directories, whichever of <see cref="IByteSerializable"/> and
/// <see cref="IDiskSerializable"/> it implements: a disk-only component still travels in <c>nlp.ToBytes()</c>
/// (its files are packed), and a bytes-only one gets <c>data.bin</c> in its directory.
/// </summary>
internal static class ComponentState
{
    public const string DataFile = "data.bin";
    private const byte KindBytes = 0;
    private const byte KindFiles = 1;

    public static bool HasState(IPipe pipe) => pipe is IByteSerializable or IDiskSerializable;

    public static byte[] ToBytes(IPipe pipe)
    {
        if (pipe is IByteSerializable bytes)
        {
            var data = bytes.ToBytes();
            return MsgPack.Write((ref MessagePackWriter w) =>
            {
                w.WriteArrayHeader(2);
                w.Write(KindBytes);
                w.Write(data);
            });
        }

        var disk = (IDiskSerializable)pipe;
        var dir = Directory.CreateTempSubdirectory("pipeline-component-").FullName;
        try
        {
            disk.ToDisk(dir);
            var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes(f)))
                .OrderBy(f => f.Item1, StringComparer.Ordinal)
                .ToList();
            return MsgPack.Write((ref MessagePackWriter w) =>
            {
                w.WriteArrayHeader(2);
                w.Write(KindFiles);
                w.WriteMapHeader(files.Count);
                foreach (var (name, content) in files)
                {
                    w.Write(name);
                    w.Write(content);
                }
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static void FromBytes(IPipe pipe, byte[] data, string source)
    {
        var (kind, payload, files) = MsgPack.Read(data, source, (ref MessagePackReader r) =>
        {
            if (r.ReadArrayHeader() != 2)
            {
                throw new InvalidDataException("component record must have 2 fields");
            }

            var kind = r.ReadByte();
            if (kind == KindBytes)
            {
                return (kind, MsgPack.ReadBytes(ref r), (List<(string, byte[])>?)null);
            }

            if (kind != KindFiles)
            {
                throw new InvalidDataException($"unknown component record kind {kind}");
            }

            var count = r.ReadMapHeader();
            var list = new List<(string, byte[])>(count);
            for (var i = 0; i < count; i++)
            {
                list.Add((MsgPack.ReadString(ref r), MsgPack.ReadBytes(ref r)));
            }

            return (kind, (byte[]?)null, list);
        });

        if (kind == KindBytes)
        {
            if (pipe is IByteSerializable b)
            {
                b.FromBytes(payload!);
                return;
            }

            var tmp = Directory.CreateTempSubdirectory("pipeline-component-").FullName;
            try
            {
                File.WriteAllBytes(Path.Combine(tmp, DataFile), payload!);
                ((IDiskSerializable)pipe).FromDisk(tmp);
            }
            finally
            {
                Directory.Delete(tmp, recursive: true);
            }

            return;
        }

        var dir = Directory.CreateTempSubdirectory("pipeline-component-").FullName;
        try
        {
            foreach (var (name, content) in files!)
            {
                var target = Path.GetFullPath(Path.Combine(dir, name));
                if (Path.IsPathRooted(name) || !target.StartsWith(dir + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw Errors.Corrupt(source, $"file name '{name}' points outside the component directory");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, content);
            }

            if (pipe is IDiskSerializable disk)
            {
                disk.FromDisk(dir);
            }
            else
            {
                var file = Path.Combine(dir, DataFile);
                ((IByteSerializable)pipe).FromBytes(File.Exists(file) ? InputFiles.ReadAllBytes(file, InputFiles.DataBytes, "the component data file") : throw Errors.Corrupt(source, $"{DataFile} is missing"));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static void ToDisk(IPipe pipe, string directory)
    {
        if (pipe is IDiskSerializable disk)
        {
            disk.ToDisk(directory);
        }
        else
        {
            AtomicFile.WriteAllBytes(Path.Combine(directory, DataFile), ((IByteSerializable)pipe).ToBytes());
        }
    }

    public static void FromDisk(IPipe pipe, string directory, IReadOnlyDictionary<string, object?>? config = null)
    {
        if (pipe is IConfiguredDiskSerializable configured && config is not null)
        {
            configured.FromDisk(directory, config);
            return;
        }

        if (pipe is IDiskSerializable disk)
        {
            disk.FromDisk(directory);
            return;
        }

        var file = Path.Combine(directory, DataFile);
        ((IByteSerializable)pipe).FromBytes(File.Exists(file) ? InputFiles.ReadAllBytes(file, InputFiles.DataBytes, $"the {pipe.Name} data file") : throw Errors.ComponentDataMissing(pipe.Name, file));
    }
}
