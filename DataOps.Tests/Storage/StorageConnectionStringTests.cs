using DataOps.Storage;
using DataOps.Storage.Queues;

namespace DataOps.Tests.Storage;

public sealed class StorageConnectionStringTests
{
    private const string Key = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";

    [Fact]
    public void Parse_UseDevelopmentStorage_UsesAzuriteWellKnownAccountAndPorts()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.True(parsed.IsDevelopmentStorage);
        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), parsed.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_DevelopmentStorageProxyUri_UsesProxyHost()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite.local");

        Assert.Equal(new Uri("http://azurite.local:10001/devstoreaccount1"), parsed.QueueEndpoint);
    }

    [Fact]
    public void Parse_FullFormWithExplicitEndpoints_UsesThem()
    {
        var parsed = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountName=acct1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:1/acct1;QueueEndpoint=http://127.0.0.1:2/acct1;TableEndpoint=http://127.0.0.1:3/acct1;");

        Assert.False(parsed.IsDevelopmentStorage);
        Assert.Equal("acct1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:1/acct1"), parsed.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:2/acct1"), parsed.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:3/acct1"), parsed.TableEndpoint);
    }

    [Theory]
    [InlineData("", "core.windows.net")]
    [InlineData(";EndpointSuffix=core.chinacloudapi.cn", "core.chinacloudapi.cn")]
    public void Parse_AccountWithoutEndpoints_DerivesEndpointsFromSuffix(string extra, string suffix)
    {
        var parsed = StorageConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=prodacct;AccountKey={Key}{extra}");

        Assert.Equal(new Uri($"https://prodacct.blob.{suffix}"), parsed.BlobEndpoint);
        Assert.Equal(new Uri($"https://prodacct.queue.{suffix}"), parsed.QueueEndpoint);
        Assert.Equal(new Uri($"https://prodacct.table.{suffix}"), parsed.TableEndpoint);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("UseDevelopmentStorage=false", "UseDevelopmentStorage")]
    [InlineData("UseDevelopmentStorage=true;AccountName=x", "AccountName")]
    [InlineData("AccountName=acct1", "AccountKey")]
    [InlineData("AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=a;AccountKey=" + Key, "AccountName")]
    [InlineData("AccountName=acct1;AccountKey=not base64!!", "AccountKey is not valid base64")]
    [InlineData("AccountName=acct1;AccountKey=" + Key + ";DefaultEndpointsProtocol=ftp", "DefaultEndpointsProtocol")]
    [InlineData("AccountName=acct1;AccountKey=" + Key + ";BlobEndpoint=not a uri", "BlobEndpoint")]
    [InlineData("AccountName=acct1;AccountKey=" + Key + ";Colour=blue", "Colour")]
    [InlineData("AccountName=acct1;AccountKey=" + Key + ";AccountName=acct2", "more than once")]
    [InlineData("AccountName=acct1;" + Key, "segment 2")]
    public void Parse_Malformed_ThrowsFormatExceptionNamingProblemWithoutKey(string connectionString, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", ex.Message, StringComparison.Ordinal);
        Assert.False(StorageConnectionString.TryParse(connectionString, out _));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(StorageConnectionString.TryParse(null, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void ToString_FullForm_DoesNotContainKey()
    {
        var parsed = StorageConnectionString.Parse($"AccountName=acct1;AccountKey={Key}");

        Assert.DoesNotContain(Key, parsed.ToString(), StringComparison.Ordinal);
        Assert.Contains("acct1", parsed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void QueueServiceClient_MalformedConnectionString_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => new QueueServiceClient("AccountName=acct1"));
    }
}
