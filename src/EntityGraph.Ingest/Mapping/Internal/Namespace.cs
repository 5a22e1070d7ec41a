using System.Security.Cryptography;
using System.Text;

namespace EntityGraph.Ingest.Mapping.Internal;

/// <summary>
/// FtM's id namespaces, as <c>ftm map</c> applies them unless told <c>--no-sign</c> and as Aleph does: an id gets a
/// signature, <c>id.hmac</c>, the HMAC-SHA1 of the id keyed with the dataset name, so that ids from different
/// datasets cannot collide. A signature already on the id (after its last dot) is replaced.
/// </summary>
internal sealed class Namespace(string dataset)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(dataset.Trim());

    public string Sign(string id)
    {
        var dot = id.LastIndexOf('.');
        var plain = dot > 0 ? id[..dot] : id;
        if (_key.Length == 0)
            return plain;
        return plain + "." + Convert.ToHexStringLower(HMACSHA1.HashData(_key, Encoding.UTF8.GetBytes(plain.Trim())));
    }
}
