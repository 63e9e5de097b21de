using System.Text;
using DataOps.MockData.Records;

namespace DataOps.Tests.MockData.Records;

public sealed class RecordJsonWriterTests
{
    [Fact]
    public void Serialize_EveryContractType_WritesOneFixedRepresentation()
    {
        var record = new Dictionary<string, object?>
        {
            ["s"] = "a\"b",
            ["l"] = 42L,
            ["d"] = 1.5,
            ["b"] = true,
            ["t"] = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ["list"] = new[] { "x", "y" },
            ["n"] = null,
        };

        var json = Encoding.UTF8.GetString(RecordJsonWriter.Serialize(record));

        Assert.Equal("""{"s":"a\"b","l":42,"d":1.5,"b":true,"t":"2025-01-02T03:04:05+00:00","list":["x","y"],"n":null}""", json);
    }

    [Fact]
    public void Serialize_ValueOutsideTheContract_ThrowsNamingTheType()
    {
        var error = Assert.Throws<ArgumentException>(() => RecordJsonWriter.Serialize(new Dictionary<string, object?> { ["g"] = Guid.Empty }));

        Assert.Contains("Guid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteLinesAsync_Records_WritesOneObjectPerLine()
    {
        using var buffer = new MemoryStream();
        var records = new[] { new Dictionary<string, object?> { ["id"] = "1" }, new Dictionary<string, object?> { ["id"] = "2" } };

        await RecordJsonWriter.WriteLinesAsync(records, buffer, TestContext.Current.CancellationToken);

        Assert.Equal("{\"id\":\"1\"}\n{\"id\":\"2\"}\n", Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
