
using DataOps.MockData.Generation;
namespace DataOps.Tests.MockData.Generation;

public sealed class StableHashTests
{
    [Theory]
    [InlineData("", 0xcbf29ce484222325UL)]
    [InlineData("a", 0xaf63dc4c8601ec8cUL)]
    [InlineData("foobar", 0x85944171f73967e8UL)]
    public void Fnv1a64_PublishedVectors_Match(string input, ulong expected)
    {
        Assert.Equal(expected, StableHash.Fnv1a64(input));
    }

    [Fact]
    public void Fnv1a64_PartBoundaries_Matter()
    {
        Assert.NotEqual(StableHash.Fnv1a64("ab", "c"), StableHash.Fnv1a64("a", "bc"));
    }

    [Fact]
    public void NextUInt64_SplitMix64SeedZero_MatchesReferenceSequence()
    {
        var random = new DeterministicRandom(0);

        Assert.Equal(0xe220a8397b1dcdafUL, random.NextUInt64());
        Assert.Equal(0x6e789e6aa1b965f4UL, random.NextUInt64());
    }
}
