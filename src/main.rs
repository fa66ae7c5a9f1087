fn main() {
    std::process::exit(chronoline::cli::main(std::env::args_os()));
}
