using System.Text;

namespace DataOps.MockData.Generation;

/// <summary>
/// FNV-1a (64-bit) over UTF-8. Unlike <see cref="string.GetHashCode()"/>, which is randomised per process, it
/// gives the same value on every machine and run, so a client id always seeds the same dataset.
/// </summary>
internal static class StableHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The 64-bit FNV-1a hash of the UTF-8 bytes of the parts, separated by a zero byte so ("ab","c") and ("a","bc") differ.</summary>
    public static ulong Fnv1a64(params ReadOnlySpan<string> parts)
    {
        var hash = OffsetBasis;
        for (var p = 0; p < parts.Length; p++)
        {
            if (p > 0)
            {
                // A zero byte between parts: XOR with zero leaves the hash unchanged, so only the multiply remains.
                hash *= Prime;
            }

            foreach (var b in Encoding.UTF8.GetBytes(parts[p]))
            {
                hash = (hash ^ b) * Prime;
            }
        }

        return hash;
    }
}
