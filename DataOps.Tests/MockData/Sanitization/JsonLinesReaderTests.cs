using System.Text;
using DataOps.MockData.Sanitization;

namespace DataOps.Tests.MockData.Sanitization;

public sealed class JsonLinesReaderTests
{
    [Fact]
    public async Task ReadAsync_MixedLines_ParsesObjectsAndRefusesTheRestWithoutEchoingThem()
    {
        var text = "{\"id\":\"a\",\"n\":3,\"at\":\"2025-01-02T03:04:05Z\",\"tags\":[\"x\"]}\n\n  \nnot json secret-value\n[1]\r\n{\"id\":\"b\"}";
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var lines = new List<JsonLine>();
        await foreach (var line in JsonLinesReader.ReadAsync(input, TestContext.Current.CancellationToken))
        {
            lines.Add(line);
        }

        Assert.Equal([1, 4, 5, 6], lines.Select(l => l.Number));
        Assert.Equal(3L, lines[0].Record!["n"]);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), lines[0].Record!["at"]);
        Assert.Equal(["x"], (IReadOnlyList<string>)lines[0].Record!["tags"]!);
        Assert.Equal("line 4 is not valid JSON", lines[1].Error);
        Assert.DoesNotContain("secret", lines[1].Error, StringComparison.Ordinal);
        Assert.Equal("line 5 is not a JSON object", lines[2].Error);
        Assert.Equal("b", lines[3].Record!["id"]);
    }
}
