using System.Security.Cryptography;
using System.Text;

namespace DataOps.Domain.Events;

/// <summary>
/// Derives event ids without randomness: a name-based UUID (version 5 layout, SHA-256 digest) of the stream id
/// (e.g. the dataset id), the event type and the stream's sequence number. An activity that runs twice from the
/// same stored state performs the same transition at the same sequence and so raises an event with the same id.
/// </summary>
public static class DomainEventIds
{
    /// <summary>The id of the <paramref name="sequence"/>-th event of a stream.</summary>
    public static string Derive(string streamId, string eventType, long sequence)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        return FromName($"{streamId}\n{eventType}\n{sequence}");
    }

    /// <summary>A deterministic UUID string for any name.</summary>
    public static string FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
