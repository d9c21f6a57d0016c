# bash completion for borderline(1). Installed to
# share/bash-completion/completions/borderline; to try it: source this file.
# tests/cli_conventions.sh checks that every option of every subcommand's
# --help is offered here.

_borderline() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands="render extract places disputes batch serve"
    local cmd="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            render|extract|places|disputes|batch|serve) cmd=${words[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi

    # Values of options that take one.
    case $prev in
        --format)
            if [[ $cmd == extract ]]; then COMPREPLY=($(compgen -W "json text" -- "$cur"))
            else COMPREPLY=($(compgen -W "png svg pdf" -- "$cur")); fi
            return ;;
        --style)
            COMPREPLY=($(compgen -W "default print dark" -- "$cur") $(compgen -f -X '!*.json' -- "$cur"))
            return ;;
        --size)
            COMPREPLY=($(compgen -W "1600x1000 1200x800 a4 a4-landscape a5 letter slide social square" -- "$cur"))
            return ;;
        --formats)
            COMPREPLY=($(compgen -W "png svg pdf png,svg png,pdf png,svg,pdf" -- "$cur"))
            return ;;
        --units)
            COMPREPLY=($(compgen -W "km mi" -- "$cur"))
            return ;;
        --lang)
            COMPREPLY=($(compgen -W "en fr es de pt ru ar zh" -- "$cur"))
            return ;;
        -o|--output|--json|--geojson|--scene|--names)
            if [[ $cmd == batch ]]; then COMPREPLY=($(compgen -d -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi
            return ;;
        --bbox|--worldview|--focus|--dpi|--title|--subtitle|--source|--note|--exclude|--marker|--label|--max-input-mb|--limit|\
        --jobs|--shard|--bind|--port|--token|--queue|--max-body-mb|--timeout)
            return ;;
    esac

    local opts
    case $cmd in
        render) opts="--help --output -o --format --style --size --bbox --geojson --worldview --focus --dpi --json
                      --scene --title --subtitle --source --note --exclude --marker --label --no-claims --no-inset
                      --units --names --lang --max-input-mb
                      --quiet -q --verbose -v" ;;
        extract) opts="--help --format --max-input-mb --quiet -q --verbose -v" ;;
        places) opts="--help --json --limit" ;;
        disputes) opts="--help --json" ;;
        batch) opts="--help --output -o --formats --jobs --style --size --force --watch --shard --progress
                     --no-progress --max-input-mb --quiet -q" ;;
        serve) opts="--help --bind --port --token --jobs --queue --max-body-mb --timeout --quiet -q" ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ $cmd == render || $cmd == extract || $cmd == batch ]]; then
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _borderline borderline
