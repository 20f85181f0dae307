# shellcheck shell=bash
# scripts/elasticsearch.sh: several nodes on loopback as one cluster, each one ES_PORT of the
# script's single-node commands. Sourced by that script.

cluster_ports() {
    local n=${ES_CLUSTER_NODES:-2} i
    [[ $n =~ ^[0-9]+$ ]] && ((n >= 1)) || die "ES_CLUSTER_NODES must be a number of nodes, not '$n'"
    for ((i = 0; i < n; i++)); do
        printf '%s\n' $((ES_PORT + i))
    done
}

# Start the nodes one after the other: the first bootstraps the cluster (it is the only
# master-eligible node), each next one joins it through the seed hosts.
cmd_cluster_start() {
    local port seeds="" first="linkwell-cluster-$ES_PORT-0" i=0
    for port in $(cluster_ports); do
        seeds+="${seeds:+, }127.0.0.1:$((port + 1000))"
    done
    for port in $(cluster_ports); do
        ES_PORT=$port ES_NODE_NAME="linkwell-cluster-$ES_PORT-$i" ES_SEED_HOSTS=$seeds \
            ES_INITIAL_MASTERS=$first ES_TRANSPORT_PORT=$((port + 1000)) \
            ES_NODE_ROLES=$( ((i == 0)) || echo "data, ingest") \
            ES_JAVA_OPTS=${ES_CLUSTER_JAVA_OPTS:--Xms384m -Xmx384m} \
            "$SELF" start || { cmd_cluster_stop; die "node $i (port $port) did not start"; }
        i=$((i + 1))
    done
    say "Cluster of $i nodes is up at $(cmd_cluster_urls)."
}

cmd_cluster_stop() {
    local port
    for port in $(cluster_ports | sort -rn); do
        ES_PORT=$port "$SELF" stop
    done
}

cmd_cluster_urls() {
    local port urls=""
    for port in $(cluster_ports); do
        urls+="${urls:+,}http://127.0.0.1:$port"
    done
    say "$urls"
}
