using System.Runtime.InteropServices;

namespace Pipeline.IO;

/// <summary>
/// What kind of entry a path names once symbolic links are followed: a regular file, a folder, or a special file (a
/// FIFO, a device, a socket). .NET reports all of those as files, and opening a FIFO blocks until a writer appears,
/// so the kind is asked of the system (<c>statx</c> on Linux, <c>stat</c> on macOS) without opening anything.
/// </summary>
internal static class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int FileTypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file (or a link to one) or does not exist; otherwise what it is,
    /// in words ("a folder", "a FIFO (named pipe)", "a character device" ...).
    /// </summary>
    public static string? NonRegular(string path)
    {
        if (Directory.Exists(path))
        {
            return "a folder";
        }

        if (!File.Exists(path))
        {
            return null;
        }

        var mode = Mode(path);
        if (mode is null)
        {
            // No way to ask on this system: the system trees hold the devices and kernel views.
            return FilePaths.IsSystemPath(FilePaths.Resolve(path) ?? Path.GetFullPath(path)) ? "a system device or kernel file" : null;
        }

        return (mode.Value & FileTypeMask) switch
        {
            RegularFile => null,
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            0x4000 => "a folder",
            _ => "a special file",
        };
    }

    // The st_mode of the entry, links followed; null where it cannot be asked (Windows, which has no FIFOs or devices
    // under ordinary paths, other systems, or a failing call).
    private static int? Mode(string path)
    {
        try
        {
            var buffer = new byte[512];
            if (OperatingSystem.IsLinux())
            {
                // struct statx has the same layout on every architecture: stx_mode is a u16 at offset 28.
                return Native.Statx(AtFdCwd, path, 0, StatxType, buffer) == 0 ? BitConverter.ToUInt16(buffer, 28) : null;
            }

            if (OperatingSystem.IsMacOS())
            {
                // Darwin's 64-bit-inode struct stat: dev_t (4 bytes), then mode_t st_mode (u16) at offset 4.
                var result = RuntimeInformation.ProcessArchitecture == Architecture.X64
                    ? Native.StatInode64(path, buffer)
                    : Native.Stat(path, buffer);
                return result == 0 ? BitConverter.ToUInt16(buffer, 4) : null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return null;
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "statx")]
        public static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", EntryPoint = "stat")]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

        [DllImport("libc", EntryPoint = "stat$INODE64")]
        public static extern int StatInode64([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
    }
}
