using System.Security.Cryptography;
using System.Text;

namespace DataOps.Durable.Runtime.Replay;

/// <summary>Name-based (version 5, SHA-1) UUIDs: the same name always gives the same id, on every replay.</summary>
internal static class DeterministicGuid
{
    // A fixed namespace for this runtime's ids (RFC 4122 section 4.3).
    private static readonly Guid s_namespace = new("9e952958-5e33-4daf-827f-2fa12937b875");

    public static Guid Create(string name)
    {
        var namespaceBytes = s_namespace.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(buffer, 0);
        nameBytes.CopyTo(buffer, namespaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 specifies; this is an id, not a security boundary.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
